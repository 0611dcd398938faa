package shared

import "testing"

func TestValidateRegister(t *testing.T) {
	good := RegisterRequest{
		Name: "Mads Kristensen", CPR: "120385-1234", Username: "mads.k",
		Password: "langtkodeord1", PasswordRepeat: "langtkodeord1", AcceptPrivacy: true,
	}
	tests := []struct {
		name   string
		mutate func(*RegisterRequest)
		field  string
		msg    string
	}{
		{"OK", func(*RegisterRequest) {}, "", ""},
		{"ErrNameMissing", func(r *RegisterRequest) { r.Name = "" }, "name", "Feltet skal udfyldes."},
		{"ErrCPRBadDate", func(r *RegisterRequest) { r.CPR = "320385-1234" }, "cpr", "Skriv et gyldigt CPR-nummer (DDMMÅÅ-XXXX)."},
		{"ErrUsernameShort", func(r *RegisterRequest) { r.Username = "ab" }, "username", "Skal være mindst 3 tegn."},
		{"ErrUsernameChars", func(r *RegisterRequest) { r.Username = "ab cd" }, "username", "Brugernavnet må kun indeholde bogstaver, tal, punktum, bindestreg og understregning."},
		{"ErrPasswordShort", func(r *RegisterRequest) { r.Password, r.PasswordRepeat = "kort", "kort" }, "password", "Skal være mindst 10 tegn."},
		{"ErrPasswordMismatch", func(r *RegisterRequest) { r.PasswordRepeat = "andetkodeord" }, "password_repeat", "Skal være det samme som det første felt."},
		{"ErrPrivacyNotAccepted", func(r *RegisterRequest) { r.AcceptPrivacy = false }, "accept_privacy", "Skal være valgt."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := good
			tt.mutate(&r)
			err := Validate(r)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			if ErrorCodeOf(err) != EInvalid {
				t.Fatalf("code = %q, want %q (err %v)", ErrorCodeOf(err), EInvalid, err)
			}
			e := err.(*Error)
			if len(e.Fields) != 1 {
				t.Fatalf("fields = %+v, want exactly one for %s", e.Fields, tt.field)
			}
			if got := e.FieldMessage(tt.field); got != tt.msg {
				t.Errorf("message for %s = %q, want %q", tt.field, got, tt.msg)
			}
		})
	}
}

func TestErrorMapping(t *testing.T) {
	if got := ErrorCodeOf(nil); got != "" {
		t.Errorf("ErrorCodeOf(nil) = %q", got)
	}
	plain := errorString("database is on fire")
	if got := ErrorCodeOf(plain); got != EInternal {
		t.Errorf("ErrorCodeOf(plain) = %q, want internal", got)
	}
	if got := ErrorMessageOf(plain); got == "database is on fire" || got == "" {
		t.Errorf("ErrorMessageOf(plain) = %q: an unknown error must not be described", got)
	}
	wrapped := wrapErr{Errorf(EForbidden, MsgReadOnly)}
	if got := ErrorCodeOf(wrapped); got != EForbidden {
		t.Errorf("ErrorCodeOf(wrapped) = %q, want forbidden", got)
	}
	if got := ErrorMessageOf(wrapped); got != MsgReadOnly {
		t.Errorf("ErrorMessageOf(wrapped) = %q", got)
	}
	if got := ErrorMessageOf(NewError(ENotFound)); got == "" {
		t.Error("default message missing for not_found")
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }

type wrapErr struct{ err error }

func (w wrapErr) Error() string { return "wrapped: " + w.err.Error() }
func (w wrapErr) Unwrap() error { return w.err }
