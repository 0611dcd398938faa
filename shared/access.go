package shared

// Reasons given when a caseworker may not see a citizen. The sources have no
// wording for these; the texts are this project's own.
const (
	MsgDenyNotJobcenterCitizen = "Du har ikke adgang til denne borgers Jobnet. Borgeren er ikke tilknyttet dit jobcenter."
	MsgDenyNotMember           = "Du har ikke adgang til denne borgers Jobnet. Borgeren er ikke medlem af din a-kasse."
	MsgDenyNoDagpengeForloeb   = "Du har ikke adgang til denne borgers Jobnet. Borgeren har ikke et forløb som dagpengemodtager eller dimittend."
	MsgDenyNotCaseworker       = "Kun sagsbehandlere kan se Jobnet som borgeren ser det."
)

// CheckMirrorAccess decides whether caseworker may mirror citizen on the day
// today (SPEC K1, 000_…txt): a jobcenter sees the citizens attached to it; an
// a-kasse sees its own members while they have a forløb as dagpengemodtager or
// dimittend. It returns nil or an *Error with code EForbidden and the reason.
func CheckMirrorAccess(caseworker Actor, citizen Citizen, today Date) error {
	org := caseworker.Organisation
	switch {
	case caseworker.Role == RoleJobcenter && org != nil && org.Kind == OrgJobcenter:
		if !org.Serves(citizen) {
			return Errorf(EForbidden, "%s", MsgDenyNotJobcenterCitizen)
		}
		return nil
	case caseworker.Role == RoleAKasse && org != nil && org.Kind == OrgAKasse:
		if !org.Serves(citizen) {
			return Errorf(EForbidden, "%s", MsgDenyNotMember)
		}
		for _, f := range citizen.Forloeb {
			if f.Period.Contains(today) && f.IsDagpengeOrDimittend() {
				return nil
			}
		}
		return Errorf(EForbidden, "%s", MsgDenyNoDagpengeForloeb)
	default:
		return Errorf(EForbidden, "%s", MsgDenyNotCaseworker)
	}
}
