package shared

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
)

// The one validator, shared by the browser (WASM) and the server, so a form is
// judged the same on both sides. Messages are Danish and name no Go types.
var (
	validateOnce sync.Once
	validate     *validator.Validate
)

func theValidator() *validator.Validate {
	validateOnce.Do(func() {
		v := validator.New(validator.WithRequiredStructEnabled())
		v.RegisterTagNameFunc(func(f reflect.StructField) string {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				return ""
			}
			if name == "" {
				return f.Name
			}
			return name
		})
		must(v.RegisterValidation("cpr", func(fl validator.FieldLevel) bool {
			_, err := ParseCPR(fl.Field().String())
			return err == nil
		}))
		must(v.RegisterValidation("username", func(fl validator.FieldLevel) bool {
			return validUsername(fl.Field().String())
		}))
		must(v.RegisterValidation("kontaktgruppe", func(fl validator.FieldLevel) bool {
			_, ok := KontaktgruppeByNumber(int(fl.Field().Int()))
			return ok
		}))
		must(v.RegisterValidation("itemkind", func(fl validator.FieldLevel) bool {
			_, known := timelineRows[ItemKind(fl.Field().String())]
			return known
		}))
		must(v.RegisterValidation("enrolment", func(fl validator.FieldLevel) bool {
			return EnrolmentStatus(fl.Field().String()).Valid()
		}))
		// A period ends on or after its first day (an open end is empty).
		v.RegisterStructValidation(func(sl validator.StructLevel) {
			p := sl.Current().Interface().(Period)
			if !p.To.IsZero() && p.To.Before(p.From) {
				sl.ReportError(p.To, "to", "To", "periodorder", "")
			}
		}, Period{})
		validate = v
	})
	return validate
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// Validate checks v against its `validate` tags and returns nil or an *Error
// with code EInvalid and one Danish message per failing field.
func Validate(v any) error {
	err := theValidator().Struct(v)
	if err == nil {
		return nil
	}
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return Errorf(EInternal, "%s", defaultMessages[EInternal])
	}
	e := &Error{Code: EInvalid, Message: defaultMessages[EInvalid]}
	for _, fe := range verrs {
		e.Fields = append(e.Fields, FieldError{Field: fieldPath(fe), Message: danishMessage(fe)})
	}
	return e
}

// fieldPath is the JSON path of the field below the top-level struct, e.g.
// "username" or "period.from".
func fieldPath(fe validator.FieldError) string {
	ns := fe.Namespace()
	if _, rest, ok := strings.Cut(ns, "."); ok {
		return rest
	}
	return ns
}

func danishMessage(fe validator.FieldError) string {
	p := fe.Param()
	isString := fe.Kind() == reflect.String
	switch fe.Tag() {
	case "required", "required_if", "required_with":
		return "Feltet skal udfyldes."
	case "required_without", "required_without_all":
		return "Udfyld dette felt eller et af de andre."
	case "min":
		if isString {
			return fmt.Sprintf("Skal være mindst %s tegn.", p)
		}
		return fmt.Sprintf("Skal være mindst %s.", p)
	case "max":
		if isString {
			return fmt.Sprintf("Må højst være %s tegn.", p)
		}
		return fmt.Sprintf("Må højst være %s.", p)
	case "len":
		return fmt.Sprintf("Skal være præcis %s tegn.", p)
	case "gte":
		return fmt.Sprintf("Skal være mindst %s.", p)
	case "lte":
		return fmt.Sprintf("Må højst være %s.", p)
	case "oneof":
		return fmt.Sprintf("Skal være en af: %s.", strings.Join(strings.Fields(p), ", "))
	case "eq":
		return "Skal være valgt."
	case "eqfield":
		return "Skal være det samme som det første felt."
	case "email":
		return "Skriv en gyldig e-mailadresse."
	case "cpr":
		return "Skriv et gyldigt CPR-nummer (DDMMÅÅ-XXXX)."
	case "username":
		return "Brugernavnet må kun indeholde bogstaver, tal, punktum, bindestreg og understregning."
	case "kontaktgruppe":
		return "Ukendt kontaktgruppe."
	case "enrolment":
		return "Ukendt tilmeldingsstatus."
	case "periodorder":
		return "Slutdatoen må ikke ligge før startdatoen."
	case "unique":
		return "Den samme værdi står der mere end én gang."
	case "itemkind":
		return "Ukendt type af indsats eller aftale."
	case "http_url":
		return "Skriv en gyldig webadresse, der begynder med https:// eller http://."
	default:
		return "Værdien er ikke gyldig."
	}
}

func validUsername(s string) bool {
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9',
			r == '.', r == '-', r == '_', r == 'æ', r == 'ø', r == 'å', r == 'Æ', r == 'Ø', r == 'Å':
		default:
			return false
		}
	}
	return true
}
