// Twelve static cards: what a bare Remix page costs to render.
import { Link } from '@remix-run/react';

const cards = Array.from({ length: 12 }, (_, i) => ({
  id: i + 1,
  name: `Package ${i + 1}`,
  vendor: `Vendor ${i + 1}`,
  price: 1000 + i * 100,
}));

export default function Index() {
  return (
    <main>
      <h1>Catalogue</h1>
      <ul className="cards">
        {cards.map((card) => (
          <li key={card.id} className="card">
            <h2>
              <Link to={`/r${card.id}`}>{card.name}</Link>
            </h2>
            <p>{card.vendor}</p>
            <p>HK${card.price}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
