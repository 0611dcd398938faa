package api

import (
	"context"

	"jobnet/shared"
)

// Profile is Brugerprofil (GET /api/profil).
func Profile(ctx context.Context) (shared.Profile, error) {
	return get[shared.Profile](ctx, shared.APIProfile)
}

// SaveContact saves Kontaktoplysninger (PUT /api/profil/kontakt); a new
// e-mail gets a code.
func SaveContact(ctx context.Context, in shared.ContactInput) (shared.Profile, error) {
	return request[shared.Profile](ctx, "PUT", shared.APIProfileContact, in)
}

// ConfirmEmail sends the code from the mail (POST /api/profil/kontakt/bekraeft).
func ConfirmEmail(ctx context.Context, in shared.EmailCodeInput) (shared.Profile, error) {
	return request[shared.Profile](ctx, "POST", shared.APIProfileEmailConfirm, in)
}

// SaveTempAddress saves the temporary address (PUT /api/profil/midlertidig-adresse).
func SaveTempAddress(ctx context.Context, in shared.TempAddressInput) (shared.Profile, error) {
	return request[shared.Profile](ctx, "PUT", shared.APIProfileAddress, in)
}

// RemoveTempAddress removes it (DELETE /api/profil/midlertidig-adresse).
func RemoveTempAddress(ctx context.Context, _ struct{}) (shared.Profile, error) {
	return request[shared.Profile](ctx, "DELETE", shared.APIProfileAddress, nil)
}

// SaveUsername changes the username (PUT /api/profil/brugernavn).
func SaveUsername(ctx context.Context, in shared.UsernameInput) (shared.Profile, error) {
	return request[shared.Profile](ctx, "PUT", shared.APIProfileUsername, in)
}

// SavePassword changes the password (PUT /api/profil/adgangskode).
func SavePassword(ctx context.Context, in shared.PasswordInput) (struct{}, error) {
	return struct{}{}, call(ctx, "PUT", shared.APIProfilePassword, in, nil)
}

// SaveNotices saves "Få besked" (PUT /api/profil/beskeder).
func SaveNotices(ctx context.Context, in shared.NoticesInput) (shared.Profile, error) {
	return request[shared.Profile](ctx, "PUT", shared.APIProfileNotices, in)
}

// DeleteAccount is "Slet min adgang" (POST /api/profil/slet).
func DeleteAccount(ctx context.Context, in shared.DeleteAccountInput) (struct{}, error) {
	return struct{}{}, call(ctx, "POST", shared.APIProfileDelete, in, nil)
}
