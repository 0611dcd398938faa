package pgembed

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"
)

const (
	// defaultStateDir holds the clusters of requested paths the postgres
	// user cannot reach when we run as root; stateDirEnv overrides it.
	defaultStateDir = "/var/lib/jobnet"
	stateDirEnv     = "JOBNET_STATE_DIR"
)

// placeDataDir makes sure the data directory for the requested absolute path
// want exists and returns where it really is (symlinks resolved). See the
// package comment for where that is when we are root.
func placeDataDir(want string, runAs *runAsUser, opt options, log *slog.Logger) (string, error) {
	// Parents 0755, so that the postgres user can traverse what we create.
	if err := os.MkdirAll(filepath.Dir(want), 0o755); err != nil {
		return "", fmt.Errorf("pgembed: create data dir: %w", err)
	}
	if runAs == nil {
		if err := os.Mkdir(want, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("pgembed: create data dir: %w", err)
		}
		return evalSymlinks(want)
	}

	fi, err := os.Lstat(want)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		blocked, err := runAs.blockedAt(filepath.Dir(want))
		if err != nil {
			return "", err
		}
		if blocked != "" {
			return runAs.relocate(want, blocked, opt, log)
		}
		if err := os.Mkdir(want, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("pgembed: create data dir: %w", err)
		}
		return runAs.own(want)
	case err != nil:
		return "", fmt.Errorf("pgembed: %w", err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return runAs.followLink(want, opt, log)
	case !fi.IsDir():
		return "", fmt.Errorf("pgembed: data directory %s exists but is not a directory", want)
	}

	real, err := evalSymlinks(want) // a parent may be a symlink
	if err != nil {
		return "", err
	}
	blocked, err := runAs.blockedAt(filepath.Dir(real))
	if err != nil {
		return "", err
	}
	if blocked == "" {
		return runAs.own(real)
	}
	entries, err := os.ReadDir(real)
	if err != nil {
		return "", fmt.Errorf("pgembed: %w", err)
	}
	if len(entries) == 0 {
		// Typically left by a start that failed on the unreachable parent
		// before clusters could be relocated; the link takes its place.
		if err := os.Remove(want); err != nil {
			return "", fmt.Errorf("pgembed: replace empty data dir with a link: %w", err)
		}
		return runAs.relocate(want, blocked, opt, log)
	}
	if !fileExists(filepath.Join(real, "PG_VERSION")) {
		return "", fmt.Errorf("pgembed: %s is not empty but holds no PostgreSQL cluster (no PG_VERSION), "+
			"and the %q user could not reach it anyway because it cannot enter %s; remove it or choose another data directory",
			want, runAs.name, blocked)
	}
	// Moving a cluster ourselves could mean copying gigabytes across file
	// systems; say how instead.
	target, err := relocationTarget(want, opt)
	if err != nil {
		return "", err
	}
	return "", fmt.Errorf("pgembed: %s holds a PostgreSQL cluster, but PostgreSQL must run as user %q (we are root) "+
		"and that user cannot enter %s. Either let it in (chmod o+x %s) or move the cluster where it can reach it "+
		"and leave a link: mkdir -p %s && mv %s %s && ln -s %s %s",
		want, runAs.name, blocked, blocked, filepath.Dir(target), want, target, target, want)
}

// followLink resolves a data directory path that is a symbolic link: left
// by an earlier relocation, or made by a person.
func (r *runAsUser) followLink(want string, opt options, log *slog.Logger) (string, error) {
	real, err := filepath.EvalSymlinks(want)
	if errors.Is(err, fs.ErrNotExist) {
		target, err := os.Readlink(want)
		if err != nil {
			return "", fmt.Errorf("pgembed: %w", err)
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(want), target)
		}
		ours, err := relocationTarget(want, opt)
		if err != nil {
			return "", err
		}
		if target != ours {
			return "", fmt.Errorf("pgembed: data directory %s is a symbolic link to %s, which does not exist. "+
				"If that data is gone for good, remove the link (rm %s) and the next start creates a fresh cluster; "+
				"otherwise make %s available again", want, target, want, target)
		}
		// Our own relocated cluster, deleted to start over: make a fresh one.
		if err := r.makeRelocated(target, log); err != nil {
			return "", err
		}
		log.Warn("relocated data directory was missing; starting a fresh cluster", "requested", want, "data_dir", target)
		return target, nil
	}
	if err != nil {
		return "", fmt.Errorf("pgembed: %w", err)
	}
	if fi, err := os.Stat(real); err != nil {
		return "", fmt.Errorf("pgembed: %w", err)
	} else if !fi.IsDir() {
		return "", fmt.Errorf("pgembed: data directory %s links to %s, which is not a directory", want, real)
	}
	if err := r.checkTraverse(filepath.Dir(real)); err != nil {
		return "", err
	}
	return r.own(real)
}

// relocate creates the cluster's directory under the state dir and leaves a
// symbolic link to it at want, which the postgres user cannot reach because
// it cannot enter blocked.
func (r *runAsUser) relocate(want, blocked string, opt options, log *slog.Logger) (string, error) {
	target, err := relocationTarget(want, opt)
	if err != nil {
		return "", err
	}
	base := filepath.Dir(target)
	if err := os.MkdirAll(base, 0o755); err != nil {
		return "", fmt.Errorf("pgembed: PostgreSQL must run as user %q (we are root), and that user cannot enter %s, "+
			"so the cluster has to live elsewhere, but %w. Set %s to a directory root can create and %q can enter",
			r.name, blocked, err, stateDirEnv, r.name)
	}
	if b, err := r.blockedAt(base); err != nil {
		return "", err
	} else if b != "" {
		return "", fmt.Errorf("pgembed: PostgreSQL must run as user %q (we are root), and that user cannot enter %s, "+
			"so the cluster has to live elsewhere, but it cannot enter %s (on the way to %s) either. "+
			"Set %s to a directory it can enter, or let it in (chmod o+x %s)",
			r.name, blocked, b, base, stateDirEnv, b)
	}
	if err := os.Symlink(target, want); errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("pgembed: %s was created by another start at the same time; try again", want)
	} else if err != nil {
		return "", fmt.Errorf("pgembed: link data dir: %w", err)
	}
	if err := r.makeRelocated(target, log); err != nil {
		os.Remove(want)
		return "", err
	}
	log.Info("PostgreSQL runs as user "+r.name+", which cannot enter "+blocked+", so the cluster lives elsewhere and the data directory links to it",
		"requested", want, "data_dir", target)
	return target, nil
}

// makeRelocated creates target, the empty data directory of a relocated
// cluster. Whatever is there already belonged to an earlier link from the
// same path that has since been removed, most likely to start over (rm -rf
// data); it is moved aside rather than reused or deleted.
func (r *runAsUser) makeRelocated(target string, log *slog.Logger) error {
	if err := os.Mkdir(target, 0o700); errors.Is(err, fs.ErrExist) {
		if fi, err := os.Lstat(target); err == nil && fi.IsDir() && isEmptyDir(target) {
			_, err := r.own(target)
			return err
		}
		old := target + ".old-" + time.Now().Format("20060102-150405")
		if err := os.Rename(target, old); err != nil {
			return fmt.Errorf("pgembed: move aside earlier cluster: %w", err)
		}
		log.Warn("moved aside an earlier cluster whose link was removed; delete it if it is not needed", "old", old)
		err = os.Mkdir(target, 0o700)
		if err != nil {
			return fmt.Errorf("pgembed: create data dir: %w", err)
		}
	} else if err != nil {
		return fmt.Errorf("pgembed: create data dir: %w", err)
	}
	_, err := r.own(target)
	return err
}

// relocationTarget is where the cluster for the requested path want lives
// when it is relocated: the same directory on every run, and a different one
// for every path.
func relocationTarget(want string, opt options) (string, error) {
	base := opt.stateDir
	if base == "" {
		base = os.Getenv(stateDirEnv)
	}
	if base == "" {
		base = defaultStateDir
	}
	base, err := filepath.Abs(base)
	if err != nil {
		return "", fmt.Errorf("pgembed: %s: %w", stateDirEnv, err)
	}
	// Resolve the parent, so that two spellings of one place agree.
	parent, err := evalSymlinks(filepath.Dir(want))
	if err != nil {
		return "", err
	}
	return filepath.Join(base, relocatedName(filepath.Join(parent, filepath.Base(want)))), nil
}

// relocatedName names a relocated cluster after its requested path: the
// path's tail (at most 40 bytes, whole components where possible) made
// file-name safe, for a person reading `ls`, and 12 hex digits of its
// SHA-256, so that different paths never share a cluster.
// It stays short so that the socket fits in the data directory.
func relocatedName(path string) string {
	sum := sha256.Sum256([]byte(path))
	safe := []byte(strings.Trim(path, "/"))
	for i, ch := range safe {
		if ch != '/' && (!isUnreserved(ch) || ch == '~') {
			safe[i] = '-'
		}
	}
	name := string(safe)
	if len(name) > 40 {
		// Whole path components where possible: "…/jobnet/data/postgres".
		name = name[len(name)-40:]
		if i := strings.IndexByte(name, '/'); i >= 0 && i < len(name)-1 {
			name = name[i+1:]
		}
	}
	name = strings.Trim(strings.ReplaceAll(name, "/", "-"), "-.")
	return name + "-" + hex.EncodeToString(sum[:6])
}

// own resolves dir and makes the postgres user its owner.
func (r *runAsUser) own(dir string) (string, error) {
	real, err := evalSymlinks(dir)
	if err != nil {
		return "", err
	}
	if err := r.chownIfNeeded(real); err != nil {
		return "", err
	}
	return real, nil
}

func evalSymlinks(path string) (string, error) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", fmt.Errorf("pgembed: %w", err)
	}
	return real, nil
}

func isEmptyDir(dir string) bool {
	entries, err := os.ReadDir(dir)
	return err == nil && len(entries) == 0
}
