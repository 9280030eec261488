#!/usr/bin/env python3
# The host half of tools/board/vm-check: drives the VM over its serial shell (vm-check-guest
# commands) and QEMU monitor (screenshots, USB plugs), and writes summary.txt. Run by vm-check.
import os, socket, subprocess, sys, time

work, out = os.environ["VMC_WORK"], os.environ["VMC_OUT"]
restarts, stick_uuid = int(os.environ["VMC_RESTARTS"]), os.environ["VMC_STICK_UUID"]
export_token = os.environ["VMC_EXPORT_TOKEN"]
summary = []

def note(line):
    print(line, flush=True)
    summary.append(line)

def connect(path, timeout=60):
    deadline = time.time() + timeout
    while True:
        try:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(path)
            return s
        except OSError:
            if time.time() > deadline:
                raise
            time.sleep(0.5)

class Channel:
    def __init__(self, path):
        self.sock = connect(path)
        self.buf = b""
        self.transcript = open(os.path.join(out, os.path.basename(path) + ".log"), "ab")

    def read_until(self, marker, timeout):
        deadline = time.time() + timeout
        while marker not in self.buf:
            left = deadline - time.time()
            if left <= 0:
                raise TimeoutError(f"no {marker!r} within {timeout} s; last output: {self.buf[-800:]!r}")
            self.sock.settimeout(left)
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                continue
            if not chunk:
                raise EOFError("the VM went away")
            self.transcript.write(chunk)
            self.transcript.flush()
            self.buf += chunk
        head, _, self.buf = self.buf.partition(marker)
        return head

serial = Channel(os.path.join(work, "serial.sock"))
monitor = Channel(os.path.join(work, "monitor.sock"))
monitor.read_until(b"(qemu) ", 30)
counter = 0

def guest(command, timeout=120):
    """Runs a command in the guest's root shell; its output (stdout and stderr)."""
    global counter
    counter += 1
    end = f"@@END{counter}@@".encode()
    serial.sock.sendall(f"{{ {command} ; }} 2>&1; echo \"@@END{counter}\"'@@'\n".encode())
    text = serial.read_until(end, timeout).decode(errors="replace").replace("\r", "")
    return "\n".join(l for l in text.split("\n") if l.strip())

def qemu(command, settle=0.0):
    monitor.sock.sendall(command.encode() + b"\n")
    reply = monitor.read_until(b"(qemu) ", 60).decode(errors="replace").replace("\r", "")
    time.sleep(settle)
    # The monitor echoes the command with terminal escapes; keep only the reply lines.
    return "\n".join(l for l in reply.split("\n")[1:] if l.strip())

def screenshot(name):
    ppm = os.path.join(work, name + ".ppm")
    if os.path.exists(ppm):
        os.remove(ppm)
    qemu(f"screendump {ppm}")
    for _ in range(50):
        if os.path.exists(ppm) and os.path.getsize(ppm) > 0:
            break
        time.sleep(0.2)
    time.sleep(0.5)
    try:
        png = os.path.join(out, name + ".png")
        subprocess.run(["convert", ppm, png], check=True)
        mean = subprocess.run(["convert", ppm, "-colorspace", "gray", "-format", "%[fx:mean]", "info:"],
                              capture_output=True, text=True).stdout.strip()
        stddev = subprocess.run(["convert", ppm, "-colorspace", "gray", "-format", "%[fx:standard_deviation]", "info:"],
                                capture_output=True, text=True).stdout.strip()
        note(f"screenshot {png}: mean grey {mean}, spread {stddev} (0 spread = a blank screen)")
    except (OSError, subprocess.CalledProcessError):
        keep = os.path.join(out, name + ".ppm")
        os.replace(ppm, keep)
        note(f"screenshot {keep} (no ImageMagick: PPM kept)")

def section(title):
    note(f"\n--- {title}")

def finish(status):
    section("journal")
    journal = guest("journalctl -b -u etalase.service -o short-monotonic --no-pager", timeout=300)
    open(os.path.join(out, "etalase-journal.txt"), "w").write(journal + "\n")
    warnings = guest("journalctl -b -p warning -o short-monotonic --no-pager", timeout=300)
    open(os.path.join(out, "warnings-journal.txt"), "w").write(warnings + "\n")
    sticks = guest("journalctl -b -u 'etalase-stick*' -o short-monotonic --no-pager", timeout=300)
    open(os.path.join(out, "stick-journal.txt"), "w").write(sticks + "\n")
    everything = guest("journalctl -b -o short-monotonic --no-pager", timeout=600)
    open(os.path.join(out, "journal.txt"), "w").write(everything + "\n")
    note("failed units: " + (guest("systemctl --failed --no-pager --plain --no-legend") or "none"))
    note("systemd-analyze verify etalase.service: " + (guest("systemd-analyze verify etalase.service") or "clean"))
    note(f"journals: {out}/etalase-journal.txt, {out}/warnings-journal.txt, {out}/stick-journal.txt, {out}/journal.txt")
    open(os.path.join(out, "summary.txt"), "w").write("\n".join(summary) + "\n")
    guest("sync")
    sys.exit(status)

failures = 0
def checked(text):
    """Notes a guest's answer; counts it as a failure if it reports an error."""
    global failures
    note(text)
    if "error=" in text:
        failures += 1
    return "error=" not in text

section("boot")
t0 = time.time()
serial.read_until(b"@@SHELL-UP@@", 1200)
note(f"root shell on ttyS0 after {time.time() - t0:.0f} s of wall time")
note(guest("uname -r; systemctl is-system-running"))
booted = checked(guest("vmcheck boot 900", timeout=960))
time.sleep(5)
screenshot("01-after-boot")
note(guest("vmcheck state"))
if not booted:
    note("the kiosk did not start: no further checks")
    finish(1)

section(f"restart after kill -9 (x{restarts})")
for i in range(1, restarts + 1):
    checked(f"[{i}] " + guest("vmcheck restart", timeout=360).replace("\n", "\n    "))
    time.sleep(8)  # let the kiosk settle and send keep-alives before the next kill
screenshot("02-after-restarts")

section("watchdog (kill -STOP)")
checked(guest("vmcheck watchdog", timeout=420))
time.sleep(5)
screenshot("03-after-watchdog")

stick = os.path.join(work, "stick.img")
def plug(n):
    # A new drive and device id each time: QEMU drops an unplugged device's drive on its own time.
    note(qemu(f"drive_add 0 if=none,id=stick{n},format=raw,file={stick}") or "drive_add: ok")
    note(qemu(f"device_add usb-storage,bus=xhci.0,drive=stick{n},id=stickdev{n}") or "device_add: ok")
def pull(n):
    note(qemu(f"device_del stickdev{n}") or "device_del: ok")

section("USB stick hot-plug: mounted read-only")
plug(1)
checked(guest(f"vmcheck usb-mounted {stick_uuid} 120 15", timeout=240))
screenshot("04-stick-inserted")

section("USB stick: an export's write access (etalase-stick-request.socket)")
checked(guest(f"vmcheck usb-export {stick_uuid} VMCHECK.TXT {export_token}", timeout=300))

section("USB stick pulled")
pull(1)
checked(guest(f"vmcheck usb-unmounted {stick_uuid} 60", timeout=120))
note(guest("lsblk -o NAME,TRAN,FSTYPE,MOUNTPOINT"))

section("USB stick plugged again, and pulled again")
time.sleep(2)
plug(2)
checked(guest(f"vmcheck usb-mounted {stick_uuid} 120 15", timeout=240))
pull(2)
checked(guest(f"vmcheck usb-unmounted {stick_uuid} 60", timeout=120))

section("keys on the console")
for number, key in enumerate(["esc", "ctrl-alt-f2", "alt-f4", "ctrl-q", "ctrl-alt-backspace"], start=5):
    before = guest("vmcheck state")
    qemu(f"sendkey {key}", settle=4)
    after = guest("vmcheck state")
    same = "kiosk unchanged" if before == after else "CHANGED"
    failures += before != after
    note(f"sendkey {key}: {same}\n    before: {before.replace(chr(10), ' ')}\n    after:  {after.replace(chr(10), ' ')}")
    screenshot(f"{number:02d}-after-{key}")

note(f"\n{failures} check(s) failed")
finish(1 if failures else 0)
