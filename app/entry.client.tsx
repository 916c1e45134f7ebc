// Hydrates the server-rendered document, once the translations its reader's pages use have arrived.
import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { loadTranslations } from './lib/i18n';
import type { RootData } from './lib/root-data';
import { REQUEST_ID_ATTRIBUTE, RequestIdContext } from './lib/request-id';

// A server-rendered error page carries its request id: hydrate it with the same value.
const requestId = document.querySelector(`[${REQUEST_ID_ATTRIBUTE}]`)?.getAttribute(REQUEST_ID_ATTRIBUTE) ?? undefined;

// The texts are not in the document (they would double its size): fetched by content-hashed address, cached for good.
const root = (window as unknown as { __remixContext?: { state?: { loaderData?: { root?: RootData } } } }).__remixContext?.state?.loaderData
  ?.root;
const translations = root?.translations ? loadTranslations(root.locale, root.translations) : Promise.resolve();

void translations
  .catch((error: unknown) => console.error('[i18n] translations failed to load', error))
  .then(() => {
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <RequestIdContext.Provider value={requestId}>
            <RemixBrowser />
          </RequestIdContext.Provider>
        </StrictMode>,
      );
    });
  });
