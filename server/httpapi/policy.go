package httpapi

import (
	"fmt"
	"net/http"
	"strings"

	"jobnet/shared"
)

// The role policy is data: every route in the table (routes.go) says, for
// each kind of caller, what it gets. The endpoint (endpoint.go) is the one
// place that applies it; handlers never check roles. checkPolicy holds the
// table to the rules that must hold for every route, so that a route added
// later cannot forget one: writes on a citizen's data refuse caseworkers
// (SPEC K2), a projection has its a-kasse handler, and a route names no
// caller its scope does not have.

// Scope is what a route acts on, which decides who its callers are and
// what its handler is given.
type Scope uint8

const (
	// ScopeNone routes need nobody: the health check. No session is read.
	ScopeNone Scope = iota
	// ScopePublic routes work with or without a session (log in, create
	// an account, read the session).
	ScopePublic
	// ScopeSession routes change only the caller's own session (log out,
	// choose whom to mirror).
	ScopeSession
	// ScopeCitizen routes read or change the data of the citizen whose
	// Jobnet is shown: the citizen's own, or the one a caseworker mirrors.
	ScopeCitizen
	// ScopeIngest routes are called by case systems with an API token.
	ScopeIngest
)

func (s Scope) String() string {
	return [...]string{"none", "public", "session", "citizen", "ingest"}[s]
}

// grantKind is what a caller gets; the zero value refuses, so a caller a
// route does not name is refused.
type grantKind uint8

const (
	refused grantKind = iota
	allowed
	projected
)

// Grant is what one kind of caller gets from a route.
type Grant struct {
	kind     grantKind
	msg      string              // refused: the Danish message, or "" for the default
	withheld shared.WithheldKind // refused by Withhold: the kind of data
}

var (
	// Allow: the route answers the caller as it is.
	Allow = Grant{kind: allowed}
	// Project: the route answers an a-kasse caseworker with its a-kasse
	// handler, whose answer is an a-kasse view (SPEC K4).
	Project = Grant{kind: projected}
	// ReadOnly refuses a caseworker's write in a citizen's Jobnet with the
	// sources' message (SPEC K2).
	ReadOnly = Refuse(shared.MsgReadOnly)
	// RegistrationRefused is the a-kasse's refusal of a registration on
	// the member's behalf (000_…txt 5.5): read-only with the sources' own
	// words.
	RegistrationRefused = Refuse(shared.MsgAKasseCannotRegister)
	// OwnOnly refuses both caseworkers a read that is the citizen's
	// own act, not a page of their Jobnet: "Hent alle mine data" (GDPR
	// article 20 is the data subject's right; shared/dataexport.go).
	OwnOnly = Refuse(shared.MsgDataExportOwnOnly)
)

// Refuse refuses the caller with a Danish message.
func Refuse(msg string) Grant { return Grant{kind: refused, msg: msg} }

// Withhold refuses the a-kasse a page it is not shown whole: a kind of
// shared.WithheldFrom(RoleAKasse), the list the mirror banner shows, with
// that entry's message. checkPolicy holds the kind to the list.
func Withhold(k shared.WithheldKind) Grant {
	w, _ := shared.WithheldEntry(shared.RoleAKasse, k)
	return Grant{kind: refused, msg: w.Refusal, withheld: k}
}

func (g Grant) String() string {
	switch g.kind {
	case allowed:
		return "allowed"
	case projected:
		return "projected"
	}
	return fmt.Sprintf("refused(%q)", g.msg)
}

// Policy is what each kind of caller gets from one route.
type Policy struct {
	Scope Scope
	// People, by their session (ScopePublic, ScopeSession, ScopeCitizen).
	// A caseworker on a ScopeCitizen route is in a mirror session.
	Anonymous, Citizen, Jobcenter, AKasse Grant
	// Case systems, by their API token's organisation (ScopeIngest), and
	// STAR's administration (the banner).
	JobcenterSystem, AKasseSystem, STARSystem Grant
	// OwnCitizensOnly: on an ingest route, the citizen must already be the
	// sender's (attached to the jobcenter, a member of the a-kasse).
	OwnCitizensOnly bool
}

// Caller is a kind of caller, as the policy tells them apart.
type Caller uint8

const (
	CallerAnonymous Caller = iota
	CallerCitizen
	CallerJobcenter
	CallerAKasse
	CallerJobcenterSystem
	CallerAKasseSystem
	CallerSTARSystem
)

// Callers lists every kind of caller, for tests that walk the table.
var Callers = []Caller{CallerAnonymous, CallerCitizen, CallerJobcenter, CallerAKasse, CallerJobcenterSystem, CallerAKasseSystem, CallerSTARSystem}

func (c Caller) String() string {
	return [...]string{"anonymous", "citizen", "jobcenter", "akasse", "jobcenter-system", "akasse-system", "star-system"}[c]
}

// Grant is what the caller gets.
func (p Policy) Grant(c Caller) Grant {
	return [...]Grant{p.Anonymous, p.Citizen, p.Jobcenter, p.AKasse, p.JobcenterSystem, p.AKasseSystem, p.STARSystem}[c]
}

// Callers says which kinds of caller the route's scope has.
func (p Policy) Callers() []Caller {
	switch p.Scope {
	case ScopeNone:
		return nil
	case ScopeIngest:
		return []Caller{CallerJobcenterSystem, CallerAKasseSystem, CallerSTARSystem}
	}
	return []Caller{CallerAnonymous, CallerCitizen, CallerJobcenter, CallerAKasse}
}

// Message is the refusal's message for the caller, with the default for
// callers refused without one: no session, or the wrong kind of session.
func (g Grant) Message(c Caller) string {
	if g.msg != "" {
		return g.msg
	}
	switch c {
	case CallerAnonymous:
		return shared.NewError(shared.EUnauthorized).Message
	case CallerJobcenterSystem, CallerAKasseSystem, CallerSTARSystem:
		return "Jeres organisation kan ikke sende denne besked."
	}
	return shared.NewError(shared.EForbidden).Message
}

// Allowed reports whether the caller gets an answer (as it is or projected).
func (g Grant) Allowed() bool { return g.kind != refused }

// Projected reports whether the caller gets the route's a-kasse view.
func (g Grant) Projected() bool { return g.kind == projected }

// checkPolicy holds one route to the rules every route keeps.
func checkPolicy(rt Route) error {
	method, _, _ := strings.Cut(rt.Pattern, " ")
	p := rt.Policy
	fail := func(format string, args ...any) error {
		return fmt.Errorf("route %s: "+format, append([]any{rt.Pattern}, args...)...)
	}
	in := map[Caller]bool{}
	for _, c := range p.Callers() {
		in[c] = true
	}
	for _, c := range Callers {
		g := p.Grant(c)
		if !in[c] && g != (Grant{}) {
			return fail("names %s, which a %s route does not have", c, p.Scope)
		}
		if g.Projected() && c != CallerAKasse {
			return fail("projects for %s; only the a-kasse has a projection", c)
		}
	}
	if p.OwnCitizensOnly && p.Scope != ScopeIngest {
		return fail("OwnCitizensOnly is for ingest routes")
	}
	if p.AKasse.Projected() != (rt.handle.akasse != nil) {
		return fail("the a-kasse's grant %s does not match its handler", p.AKasse)
	}
	if p.Scope == ScopeCitizen && method != http.MethodGet {
		// SPEC K2: a caseworker sees the citizen's Jobnet, read-only.
		for _, c := range []Caller{CallerJobcenter, CallerAKasse} {
			if g := p.Grant(c); g != ReadOnly && (c != CallerAKasse || g != RegistrationRefused) {
				return fail("a write on a citizen's data must refuse %s with the read-only message", c)
			}
		}
	}
	if p.Scope == ScopeCitizen && p.Anonymous.Allowed() {
		return fail("a citizen's data needs a session")
	}
	if p.Scope == ScopeCitizen && method == http.MethodGet {
		if err := checkWithheld(rt.Pattern, p); err != nil {
			return fail("%v", err)
		}
	}
	if rt.handle.scope != p.Scope {
		return fail("its handler is for %s routes, the policy says %s", rt.handle.scope, p.Scope)
	}
	return nil
}

// checkWithheld holds a citizen read to what the mirror banner says
// (shared.WithheldFrom): the jobcenter sees what the citizen sees; the
// a-kasse is refused only by Withhold, with a kind the banner lists, and
// every route under a withheld kind's API path refuses it so.
func checkWithheld(pattern string, p Policy) error {
	_, path, _ := strings.Cut(pattern, " ")
	if p.Jobcenter == OwnOnly && p.AKasse == OwnOnly {
		return nil // the citizen's own act: no caseworker gets it
	}
	if p.Jobcenter != Allow {
		return fmt.Errorf("the jobcenter sees what the citizen sees, not %s", p.Jobcenter)
	}
	g := p.AKasse
	if !g.Allowed() {
		w, ok := shared.WithheldEntry(shared.RoleAKasse, g.withheld)
		if !ok || w.Refusal == "" {
			return fmt.Errorf("refuses the a-kasse with %s: use Withhold with a kind of shared.WithheldFrom(RoleAKasse) that has a refusal, so that the mirror banner says it", g)
		}
	}
	for _, w := range shared.WithheldFrom(shared.RoleAKasse) {
		if w.APIPath != "" && (path == w.APIPath || strings.HasPrefix(path, w.APIPath+"/")) && g.withheld != w.Kind {
			return fmt.Errorf("serves %s, which the a-kasse is not shown: its grant must be Withhold(%q), not %s", w.What, w.Kind, g)
		}
	}
	return nil
}
