// Package taxonomy is Jobnet's occupation taxonomy and its geographic areas:
// the stillingsbetegnelser a citizen chooses under "Jeg søger job som"
// [003 «"Jeg søger job som"»], the DISCO-08 hierarchy that Find Job's
// "Arbejdsområde" filter drills into [003 «Find job - Jobnet»], which
// occupation groups automatch may fill up with as hotjoblignende
// [003 «Automatch»], and the areas of Find Job's "Geografi" filter.
//
// The data are the CSV files in data/, embedded in the binary and read by
// Load; a data release changes those files and no code. data/README.md
// describes every column. The occupations, aliases, hotjob groups and areas
// are this project's own authored data — not STAR's Taxonomy service or an
// official Jobnet list — and are licensed with the project. The DISCO-08
// codes and titles in data/disco08.csv are Danmarks Statistik's.
//
// # Decisions
//
// The sources describe the taxonomy but give none of its values, so each
// rule below is decided here; Load refuses data that breaks one.
//
// Codes. An occupation carries a 6-digit DISCO-08 code that exists in
// data/disco08.csv, and every unit group (4 digits, the sources'
// "stillingskategori") has at least one live occupation. All 429 unit groups
// of the file have 6-digit codes, so no code is invented; should a later
// DISCO file have a unit group without one, add its "<unit group>00" row to
// disco08.csv, as Danmarks Statistik writes undivided groups (111100).
//
// IDs. An occupation's ID is stable and never reused: an occupation that
// leaves the taxonomy stays in the file, marked discontinued.
//
// Aliases. "Aliasserne peger altså på stillingsbetegnelsen": an alias is
// another name for the same job, or a specialisation of it as Fiskekok is
// of Kok — never a trainee title (Kokkeelev). Among live occupations every
// title and alias names one occupation only, compared without regard to
// case or repeated spaces, so an alias is never another occupation's title.
//
// Versions. data/versions.csv lists the data releases 1, 2, 3, …; the last
// is the current one. An occupation says in which release it came (since)
// and, once udgået, from which release it is discontinued
// (discontinued_since) and which live occupation replaces it (replaced_by,
// optional). "Er en stilling udgået fra Taxonomy, vil tilmelding fejle"
// [003]: a discontinued occupation keeps its title, so a citizen's old
// choice can still be shown as udgået, but Lookup no longer finds it and its
// title and aliases are free — the old title may become an alias of the
// replacement. replaced_by always names a live occupation: a release that
// discontinues a replacement re-points the occupations that named it.
//
// Hotjob. data/hotjob_groups.csv lists the unit groups whose ads are
// hotjoblignende, STAR's "IsHotjobQualified" in EscoStarOccupationGroupMap
// [003 «Automatch»]; a unit group not listed is not qualified. STAR's list
// is not in the sources; its criterion is: "job, der ikke kræver særlige
// kvalifikationer eller uddannelse" [003 «Jobbanken»]. Listed are all of
// hovedgruppe 9 (ISCO-08 skill level 1, elementary occupations) and seven
// groups of hovedgruppe 5 where the work is learnt on the job; each row
// gives its reason.
//
// Areas. The sources name "Hovedstaden og Bornholm" [003 «Find job -
// Jobnet»] and "Nordjylland, Vestjylland, Østjylland etc." [003 «Om
// arbejdspladsen»] but not the whole list. The seven areas here are unions
// of Danmarks Statistik's 11 landsdele, which keeps both quoted labels:
// Hovedstaden og Bornholm (Byen København, Københavns omegn, Nordsjælland,
// Bornholm), Øvrige Sjælland (Østsjælland, Vest- og Sydsjælland; the name is
// ours), Fyn, Sydjylland, Østjylland, Vestjylland and Nordjylland. Each row
// of areas.csv names its landsdel, so splitting into the 11 landsdele is a
// data change. A kommune is in one area only, and the tests check that all
// 98 are in one; Christiansø, not a kommune, is in none. Jobs abroad ("udlandet") are a
// Find Job choice of their own, not an area.
//
// Glossary — Danish words kept where English has no exact word:
//
//	stillingsbetegnelse  an occupation title a citizen searches as and an ad is posted on
//	stillingskategori    a DISCO-08 unit group (4 digits)
//	udgået               discontinued: removed from the taxonomy in a data release
//	hotjob               an ad for work that needs no particular qualifications
//	landsdel             one of Danmarks Statistik's 11 regions of Denmark (NUTS 3)
//	kommune              municipality; 98 of them, with 4-digit codes
package taxonomy
