import { NotBuiltYet } from '../../components/NotBuiltYet';

export function ExplorePage() {
  return (
    <NotBuiltYet title="Explore">
      <p>
        A pivot over the accepted-work records: slice cost per accepted PR/MR, acceptance rate, repair attempts or review
        hours by team, project, repository, work type and month, then export the view as a worksheet whose formulas still
        compute in your spreadsheet program.
      </p>
    </NotBuiltYet>
  );
}
