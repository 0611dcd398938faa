// Package shared is what is true in Jobnet: the domain model, the validators
// with their Danish messages, the error type, the access and projection
// policies and the pure rule engines. It is imported by app/ (compiled to
// WASM) and by server/, and imports neither; nothing in it touches a database,
// the network or the clock (callers pass "today").
//
// Glossary — Danish words kept where English has no exact word:
//
//	a-kasse          unemployment insurance fund; its members may get dagpenge
//	dagpenge         unemployment benefit paid by the a-kasse
//	dimittend        recent graduate entitled to dagpenge on the graduate rules
//	forløb           a period in which a citizen belongs to one kontaktgruppe
//	jobcenter        the municipality's employment service
//	kontaktgruppe    the jobcenter's classification of a forløb (KG 1 = dagpenge)
//	målgruppe        the legal target group (LAB §6 nr. 1–13 and others)
//	tilmeldekategori the category of an enrolment; 5 = dimittend
//	spejling         the caseworker's read-only mirror of a citizen's Jobnet
package shared
