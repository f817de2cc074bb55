#!/usr/bin/env python3
"""suite.py: the hostile-program suite. Each case under cases/ is a real Go
program with its expected verdict in a comment header (see cases/README.md).
It runs through `gotutor play --json` in each isolation tier, as root and as
an unprivileged user when it can, and after every case checks that gotutor
is alive, that no process is left behind and that the host is unchanged.

usage: suite.py GOTUTOR CASES_DIR [CASE...]
Environment: SUITE_TIERS (default "full degraded"), SUITE_USERS ("root user").
"""

import json, os, pwd, shutil, socket, subprocess, sys, tempfile, threading, time

GOTUTOR, CASES = sys.argv[1], sys.argv[2]
ONLY = sys.argv[3:]
TIERS = os.environ.get("SUITE_TIERS", "full degraded").split()
USERS = os.environ.get("SUITE_USERS", "root user").split()
TEST_USER = "gotutor-suite"
HANG_LIMIT = 90          # seconds before a play counts as hung


def parse_header(path):
    """The '// key: value' (or 'key: value') lines at the top of a file."""
    want = {"stdout": [], "not": [], "args": [], "setup": None, "line": None,
            "verdict": None, "tier": {}, "min_go": (1, 0)}
    with open(path, errors="replace") as f:
        for raw in f:
            line = raw.strip()
            if line.startswith("//"):
                line = line[2:].strip()
            elif not line or line.startswith("package"):
                break
            if ":" not in line:
                continue
            key, value = (s.strip() for s in line.split(":", 1))
            tier = None
            if "@" in key:
                key, tier = key.split("@", 1)
            if tier is not None:
                want["tier"].setdefault(tier, []).append((key, value))
                continue
            apply(want, key, value)
    return want


def apply(want, key, value):
    if key == "want":
        want["verdict"] = value
    elif key == "want-stdout":
        want["stdout"].append(value)
    elif key == "want-not-stdout":
        want["not"].append(value)
    elif key == "want-line":
        want["line"] = int(value)
    elif key == "play-args":
        want["args"] = value.split()
    elif key == "setup":
        want["setup"] = value
    elif key == "min-go":
        want["min_go"] = tuple(int(x) for x in value.split("."))


def for_tier(want, tier):
    w = json.loads(json.dumps(want))
    if tier in want["tier"]:
        # A tier's own verdict or stdout replaces the general ones.
        for key, value in want["tier"][tier]:
            if key in ("want", "want-stdout"):
                w["stdout"] = []
            if key == "want":
                w["verdict"] = value
        for key, value in want["tier"][tier]:
            if key != "want":
                apply(w, key, value)
    return w


class Listener:
    """A TCP listener on the host's loopback that records what reaches it."""
    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.got = []
        self.stop = False
        self.thread = threading.Thread(target=self.loop, daemon=True)
        self.thread.start()

    def loop(self):
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            self.got.append("connection")
            conn.close()

    def close(self):
        self.stop = True
        self.thread.join()
        self.sock.close()


def snapshot(dirs, uids):
    """What the jailed program could have left: entries of each folder owned
    by the uids it runs as, and gotutor's own scratch folders. (Other
    programs on the machine may come and go in /tmp meanwhile.)"""
    out = {}
    for d in dirs:
        try:
            names = os.listdir(d)
        except OSError:
            out[d] = None
            continue
        keep = []
        for n in names:
            try:
                uid = os.lstat(os.path.join(d, n)).st_uid
            except OSError:
                continue
            if n.startswith("gotutor-suite-"):
                continue
            if uid in uids or n.startswith("gotutor-"):
                keep.append(n)
        out[d] = sorted(keep)
    return out


def stray_processes(uids):
    """Processes a jail may have left: run as nobody or the test user, in a
    gotutor cgroup, or running a binary from a gotutor scratch folder."""
    left = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            st = os.stat(f"/proc/{pid}")
            with open(f"/proc/{pid}/cgroup") as f:
                cg = f.read()
            try:
                exe = os.readlink(f"/proc/{pid}/exe")
            except OSError:
                exe = ""
            with open(f"/proc/{pid}/comm") as f:
                comm = f.read().strip()
        except OSError:
            continue
        if st.st_uid in uids or "gotutor-" in cg or "/gotutor-" in exe:
            left.append(f"{pid}:{comm}")
    return left


def prepare(case, work, want, owner):
    """Copy the case into work/, making the links and files it asks for."""
    src = os.path.join(CASES, case)
    dst = os.path.join(work, case)
    os.makedirs(dst)
    extra = []
    for name in os.listdir(src):
        path = os.path.join(src, name)
        if name.endswith(".symlink"):
            with open(path) as f:
                target = f.read().strip()
            os.symlink(target, os.path.join(dst, name[:-len(".symlink")]))
        elif name != "case.txt":
            shutil.copy(path, dst)
    if want["setup"] == "big-source":
        with open(os.path.join(dst, "main.go"), "w") as f:
            f.write("package main\n\nvar big = []int{\n")
            line = "1, " * 32 + "\n"
            while f.tell() < 10 * 1024 * 1024:
                f.write(line)
            f.write("}\n\nfunc main() { println(len(big)) }\n")
    secret = None
    if want["setup"] == "secret-file":
        secret = os.path.join(work, "secret.txt")
        with open(secret, "w") as f:
            f.write("TOPSECRET-1234\n")
        os.chmod(secret, 0o644)
        extra.append(secret)
    if owner is not None:
        for root, dirs, files in os.walk(work):
            for n in dirs + files:
                os.lchown(os.path.join(root, n), owner.pw_uid, owner.pw_gid)
        os.chown(work, owner.pw_uid, owner.pw_gid)
    return dst, extra


def go_version():
    """The Go release gotutor builds with, as (1, minor)."""
    out = subprocess.run([GOTUTOR, "doctor"], capture_output=True,
                         text=True).stdout
    for line in out.splitlines():
        words = line.split()
        if len(words) > 2 and words[1] == "go" and words[2].startswith("go1."):
            return tuple(int(x) for x in words[2][2:].split(".")[:2])
    sys.exit("suite.py: gotutor doctor names no Go toolchain")


GO = None


def check(case, tier, user, owner, work):
    header = os.path.join(CASES, case, "main.go")
    if not os.path.exists(header):
        header = os.path.join(CASES, case, "case.txt")
    want = for_tier(parse_header(header), tier)
    if tuple(want["min_go"]) > GO:
        return "skipped", None, 0
    dst, args = prepare(case, work, want, owner)
    listener = Listener() if want["setup"] == "loopback-listener" else None
    if listener:
        args = [str(listener.port)]
    home = owner.pw_dir if owner else os.environ.get("HOME", "/root")
    watched = ["/tmp", home, work]
    uids = {65534} | ({owner.pw_uid} if owner else set())
    before = snapshot(watched, uids)

    # --fast: the jail is under test here, not vet or the race build.
    cmd = [GOTUTOR, "play", "--json", "--fast"] + want["args"] + [dst]
    if args:
        cmd += ["--"] + args
    env = dict(os.environ, GOTUTOR_JAIL="degraded" if tier == "degraded" else "")
    if owner is not None:
        env.update(HOME=owner.pw_dir, USER=owner.pw_name, XDG_CACHE_HOME="")
        cmd = ["setpriv", f"--reuid={owner.pw_uid}", f"--regid={owner.pw_gid}",
               "--init-groups", "--"] + cmd
    start = time.monotonic()
    problems = []
    try:
        p = subprocess.run(cmd, capture_output=True, env=env, cwd=work,
                           timeout=HANG_LIMIT)
    except subprocess.TimeoutExpired:
        return "hung", [f"gotutor play did not finish in {HANG_LIMIT} s"], 0
    took = time.monotonic() - start
    if listener:
        listener.close()
        if listener.got:
            problems.append("the host's listener was reached")

    if p.returncode not in (0, 1, 2):
        problems.append(f"gotutor exited {p.returncode}: {p.stderr[-500:]!r}")
    try:
        out = json.loads(p.stdout) if p.stdout.strip() else None
    except ValueError:
        out = None
    if out is None and want["verdict"] != "rejected":
        return "no-json", [f"no JSON: {p.stderr[-300:]!r}"], took

    got = verdict_of(out, p.returncode)
    expected = want["verdict"]
    if got != expected:
        problems.append(f"verdict {got}, want {expected}")
    run = (out or {}).get("run") or {}
    stdout, stderr = run.get("stdout", ""), run.get("stderr", "")
    for s in want["stdout"]:
        if s not in stdout:
            problems.append(f"stdout lacks {s!r}")
    for s in want["not"]:
        if s in stdout or s in stderr:
            problems.append(f"output holds {s!r}")
    if want["line"] is not None:
        lines = [d.get("line") for d in (out or {}).get("diagnostics", [])]
        if want["line"] not in lines and f"main.go:{want['line']}" not in stderr:
            problems.append(f"nothing names main.go:{want['line']}")
    time.sleep(0.05)
    stray = stray_processes(uids)
    if stray:
        problems.append(f"processes left: {stray}")
    after = snapshot(watched, uids)
    for d in watched:
        if before[d] != after[d] and d != work:
            added = set(after[d] or []) - set(before[d] or [])
            removed = set(before[d] or []) - set(after[d] or [])
            if added or removed:
                problems.append(f"{d} changed: +{sorted(added)} -{sorted(removed)}")
    for f in args:
        if os.path.exists(f) and open(f).read() != "TOPSECRET-1234\n":
            problems.append(f"{f} changed")
    return got, problems, took


def verdict_of(out, code):
    if out is None or out.get("status") == "error" and out.get("run") is None \
            and out.get("build") is None:
        return "rejected" if code == 2 else "error"
    if out.get("run") is None:
        b = out.get("build") or {}
        return "build-failure" if b.get("verdict") != "internal-error" \
            else "internal-error"
    r = out["run"]
    v = r["verdict"]
    if v == "exit":
        return f"exit {r['exit_code']}"
    if v == "signal":
        return f"signal {r['signal']}"
    return v


def test_user():
    try:
        return pwd.getpwnam(TEST_USER)
    except KeyError:
        pass
    if shutil.which("useradd") is None:
        return None
    subprocess.run(["useradd", "--create-home", "--shell", "/bin/sh", TEST_USER],
                   check=False, capture_output=True)
    try:
        return pwd.getpwnam(TEST_USER)
    except KeyError:
        return None


def main():
    global GO
    GO = go_version()
    cases = sorted(c for c in os.listdir(CASES)
                   if os.path.isdir(os.path.join(CASES, c)))
    if ONLY:
        cases = [c for c in cases if c in ONLY]
    users = []
    for u in USERS:
        if u == "root":
            if os.getuid() == 0:
                users.append(("root", None))
            else:
                users.append((pwd.getpwuid(os.getuid()).pw_name, None))
        elif os.getuid() == 0:
            owner = test_user()
            if owner is None or shutil.which("setpriv") is None:
                print(f"SKIP as a normal user: cannot create {TEST_USER}")
            else:
                users.append((TEST_USER, owner))
    passed = failed = skipped = 0
    rows = []
    for user, owner in users:
        for tier in TIERS:
            for case in cases:
                work = tempfile.mkdtemp(prefix="gotutor-suite-")
                os.chmod(work, 0o755)
                try:
                    got, problems, took = check(case, tier, user, owner, work)
                finally:
                    shutil.rmtree(work, ignore_errors=True)
                if problems is None:
                    skipped += 1
                    print(f"skip {case:28} {tier:8} {user:14} needs a newer "
                          f"Go than {GO[0]}.{GO[1]}", flush=True)
                    continue
                ok = not problems
                passed += ok
                failed += not ok
                rows.append((case, tier, user, got, took, problems))
                mark = "ok  " if ok else "FAIL"
                print(f"{mark} {case:28} {tier:8} {user:14} {got:20} "
                      f"{took:6.2f}s", flush=True)
                for p in problems:
                    print(f"       {p}", flush=True)
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    sys.exit(0 if failed == 0 else 1)


main()
