// The shop owner's task list (GOV.UK pattern): each step, its status in words (never colour alone), a link when it
// can be acted on, and "what to do next" on top.
import { useTranslation } from 'react-i18next';
import { nextTask, type TaskItem } from '../domain/task-list';
import { AppLink } from './app-link';

export function TaskList({ items }: { items: TaskItem[] }) {
  const { t } = useTranslation();
  const next = nextTask(items);
  return (
    <section aria-labelledby="task-list-title">
      <h2 id="task-list-title">{t('match:tasks.title')}</h2>
      <p>{t('match:tasks.lead')}</p>
      {next ? (
        <div className="notice">
          <h3 className="notice-title">{t('match:tasks.nextTitle')}</h3>
          <p>
            <AppLink to={next.href!}>{t(`match:tasks.names.${next.task}`)}</AppLink>
          </p>
        </div>
      ) : null}
      <ol className="task-list">
        {items.map((item) => (
          <li key={item.task}>
            <span>
              {item.href ? (
                <AppLink to={item.href} aria-describedby={`task-${item.task}-status`}>
                  {t(`match:tasks.names.${item.task}`)}
                </AppLink>
              ) : (
                t(`match:tasks.names.${item.task}`)
              )}
            </span>
            <strong id={`task-${item.task}-status`} className={`task-status task-status--${item.status}`}>
              {t(`match:tasks.statuses.${item.status}`)}
            </strong>
          </li>
        ))}
      </ol>
    </section>
  );
}
