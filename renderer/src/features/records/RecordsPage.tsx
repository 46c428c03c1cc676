import { NotBuiltYet } from '../../components/NotBuiltYet';

export function RecordsPage() {
  return (
    <NotBuiltYet title="Records">
      <p>
        Every piece of AI-assisted work, linked across sources: the Jira work item, each run and its credits, the merge
        request with its review and pipelines, and the outcome. Items that could not be linked are listed too, with the rule
        that missed them.
      </p>
    </NotBuiltYet>
  );
}
