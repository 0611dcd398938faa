package shared

import (
	"errors"
	"fmt"
)

// ErrorCode classifies an Error. The server maps each code to one HTTP status;
// the app maps it back, so both sides speak the same small vocabulary.
type ErrorCode string

const (
	EInvalid         ErrorCode = "invalid"
	ENotFound        ErrorCode = "not_found"
	EForbidden       ErrorCode = "forbidden"
	EConflict        ErrorCode = "conflict"
	EUnauthorized    ErrorCode = "unauthorized"
	ETooManyRequests ErrorCode = "too_many_requests"
	EInternal        ErrorCode = "internal"
	// EUnavailable: the server cannot reach what it needs (its database)
	// for a moment; the request may be sent again (Retry-After).
	EUnavailable ErrorCode = "unavailable"
)

// Messages shown when an error carries no message of its own.
var defaultMessages = map[ErrorCode]string{
	EInvalid:         "Oplysningerne er ikke udfyldt korrekt.",
	ENotFound:        "Siden eller oplysningen findes ikke.",
	EForbidden:       "Du har ikke adgang til dette.",
	EConflict:        "Oplysningerne er ændret i mellemtiden. Prøv igen.",
	EUnauthorized:    "Du er ikke logget ind.",
	ETooManyRequests: "For mange forsøg. Vent lidt, og prøv igen.",
	EInternal:        "Der opstod en fejl hos os. Prøv igen senere.",
	EUnavailable:     "Jobnet kan ikke svare lige nu. Prøv igen om lidt.",
}

// MsgReadOnly is the answer to every write attempted in a caseworker's mirror
// session (SPEC K2, 000_…txt).
const MsgReadOnly = "Du har ikke rettigheder til at foretage denne handling"

// MsgAKasseCannotRegister answers an a-kasse caseworker's attempt at a
// registration for the member (ferie, syg/rask, til- og afmelding): "Du kan
// ikke lave registreringen for medlemmet, men du kan guide medlemmet i hvordan
// det skal gøres." (000_…txt 5.5).
const MsgAKasseCannotRegister = "Du kan ikke lave registreringen for medlemmet. Du kan guide medlemmet i, hvordan det skal gøres."

// Error is the one error type that crosses the wire. Message is Danish and
// safe to show; Fields holds per-field messages for forms.
type Error struct {
	Code    ErrorCode    `json:"code"`
	Message string       `json:"message"`
	Fields  []FieldError `json:"fields,omitempty"`
}

// FieldError is a message for one form field, keyed by its JSON name.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Errorf returns an *Error with a formatted Danish message.
func Errorf(code ErrorCode, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// NewError returns an *Error carrying the code's default message.
func NewError(code ErrorCode) *Error {
	return &Error{Code: code, Message: defaultMessages[code]}
}

// ErrorCodeOf returns the code of an *Error in err's chain, or EInternal for
// anything else: an unknown error is never described to the client.
func ErrorCodeOf(err error) ErrorCode {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// ErrorMessageOf returns the Danish message of an *Error in err's chain, or the
// generic internal message.
func ErrorMessageOf(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Message != "" {
		return e.Message
	}
	return defaultMessages[ErrorCodeOf(err)]
}

// FieldMessage returns the message for field, or "".
func (e *Error) FieldMessage(field string) string {
	if e == nil {
		return ""
	}
	for _, f := range e.Fields {
		if f.Field == field {
			return f.Message
		}
	}
	return ""
}

// withFieldErrors is a form's errors: the fields its text could not be
// read from (bad), then the check's errors (err) at the other fields. A
// form without bad fields has err alone.
func withFieldErrors(bad []FieldError, err error) error {
	if len(bad) == 0 {
		return err
	}
	e := &Error{Code: EInvalid, Message: defaultMessages[EInvalid], Fields: bad}
	if ce, ok := err.(*Error); ok {
		for _, fe := range ce.Fields {
			if e.FieldMessage(fe.Field) == "" {
				e.Fields = append(e.Fields, fe)
			}
		}
	}
	return e
}

// check collects a rule check's errors at their fields, each field's
// first message only: the validator's tags first (checking), then the
// rules they cannot say (add).
type check struct{ e Error }

// checking starts the check of v with its tags' errors.
func checking(v any) (*check, error) {
	c := &check{e: Error{Code: EInvalid, Message: defaultMessages[EInvalid]}}
	if err := Validate(v); err != nil {
		ve, ok := err.(*Error)
		if !ok {
			return nil, err
		}
		c.e.Fields = ve.Fields
	}
	return c, nil
}

// add puts msg at the field, unless the field has a message already.
func (c *check) add(field, msg string) {
	if c.e.FieldMessage(field) == "" {
		c.e.Fields = append(c.e.Fields, FieldError{Field: field, Message: msg})
	}
}

// err is the check's error, nil when every field passed.
func (c *check) err() error {
	if len(c.e.Fields) == 0 {
		return nil
	}
	e := c.e
	return &e
}
