package shared

// Banner is STAR's "reklamebanner": "I toppen af forsiden kan STAR
// indsætte et "reklamebanner"" [003 «Forsiden»]. STAR sets, changes and
// removes it through the administration API; it shows from From to To
// (both included, Danish days) on the front page and, with Subpages, at
// the top of every sub-page too. There is one banner at a time: a new one
// replaces the old.
type Banner struct {
	Text string `json:"text" validate:"required,max=300"`
	// LinkText and LinkURL are an optional link after the text.
	LinkText string `json:"link_text,omitempty" validate:"required_with=LinkURL,max=80"`
	LinkURL  string `json:"link_url,omitempty" validate:"required_with=LinkText,omitempty,http_url,max=2000"`
	Period   Period `json:"period"`
	Subpages bool   `json:"subpages"`
}

// Check validates the banner: the fields, and a period with an end.
func (b Banner) Check() error {
	if err := Validate(b); err != nil {
		return err
	}
	if b.Period.To.IsZero() {
		return &Error{Code: EInvalid, Message: defaultMessages[EInvalid],
			Fields: []FieldError{{Field: "period.to", Message: "Feltet skal udfyldes."}}}
	}
	return nil
}

// ShownOn reports whether the banner shows on the day.
func (b Banner) ShownOn(day Date) bool { return b.Period.Contains(day) }
