#!/bin/sh
# run.sh: make vm-test (issue 21).  The packaged kiosk, booted for real.
#
# Phases, each timed:
#   packages  build/deb/ from HEAD (make deb, without its tests, unless
#             build/deb already holds the packages of HEAD)
#   image     a minimal Debian 12 with the packages installed and enabled
#             (tests/vm/image.sh), the district's signed repository in it
#   boot      QEMU: KVM when /dev/kvm boots a kernel, else TCG; console on
#             the first serial port (build/vm/console.log), the kiosk on the
#             second (a Unix socket), ssh on a port of 127.0.0.1 only
#   checks    tests/vm/kiosk_vm.c through the kiosk's port and ssh,
#             including a real run of deploy/ansible against the machine
#
# Everything it makes is in build/vm/; it downloads only from the Debian
# archive this machine's apt uses; QEMU, gpg-agent and the probe are ended
# on every way out.  A machine that lacks a tool says so: SKIP, or a
# failure when CI is set.
set -eu
cd "$(dirname "$0")/../.."
B=${B:-build}
case $B in
/*) out=$B/vm ;;
*) out=$(pwd)/$B/vm ;;
esac
harness=$B/tests/vm/kiosk-vm
version=$(sed -n 's/^VERSION = //p' Makefile)
start=$(date +%s.%N)
qemu_pid="" probe_pid=""

say() { echo "vm-test: $*"; }
since() { echo "$1 $(date +%s.%N)" | awk '{ printf "%.1f", $2 - $1 }'; }
phase_start=$start
phase() {
	say "$1: $(since "$phase_start") s"
	phase_start=$(date +%s.%N)
}

need() {
	command -v "$1" >/dev/null 2>&1 && return 0
	if [ -n "${CI:-}" ]; then
		say "needs $1 (Debian package $2), and CI is set: failing"
		exit 1
	fi
	echo "SKIP: vm-test: needs $1 (Debian package $2)"
	exit 0
}

need qemu-system-x86_64 qemu-system-x86
need mmdebstrap mmdebstrap
need mke2fs e2fsprogs
need ssh openssh-client
need ssh-keygen openssh-client
need gpg gnupg
need apt-ftparchive apt-utils
need ansible-playbook ansible-core
need python3 python3
if [ "$(id -u)" -ne 0 ]; then
	say "needs root (mmdebstrap --mode=root, mke2fs -d keeps owners)"
	exit 1
fi

cleanup() {
	st=$?
	trap - EXIT INT TERM HUP
	for p in $probe_pid $qemu_pid; do
		kill "$p" 2>/dev/null || true
	done
	for p in $probe_pid $qemu_pid; do
		wait "$p" 2>/dev/null || true
	done
	[ -d "$out/gnupg" ] && gpgconf --homedir "$out/gnupg" --kill all 2>/dev/null || true
	[ -S "$out/ansible-cp" ] &&
		ssh -F "$out/ssh_config" -o ControlPath="$out/ansible-cp" -O exit vm 2>/dev/null || true
	rm -f "$out/root.img" "$out/kiosk.sock"
	rm -rf "$out/root"
	if [ "$st" -eq 0 ]; then
		say "passed in $(since "$start") s"
	else
		say "FAILED (status $st) after $(since "$start") s; logs in $out"
	fi
	exit "$st"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# ---- packages ----
# (make deb works in build/deb whatever B is.)
if [ "$(cat build/deb/HEAD 2>/dev/null)" != "$(git rev-parse HEAD)" ] ||
	! ls build/deb/safesteps_"$version"_*.deb >/dev/null 2>&1; then
	mkdir -p build
	make --no-print-directory deb DEB_BUILD_OPTIONS="nocheck parallel=$(nproc)" \
		> build/deb.log 2>&1 || { tail -30 build/deb.log; exit 1; }
fi
debs=$(ls build/deb/safesteps_"$version"_*.deb build/deb/safesteps-kiosk_"$version"_all.deb)
phase packages

# ---- the test's keys, the district's repository, the image ----
rm -rf "$out"
mkdir -p "$out/home" "$out/district"
ssh-keygen -q -t ed25519 -N '' -C vm-test -f "$out/id_ed25519"
export GNUPGHOME="$out/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' \
	--quick-gen-key 'safesteps vm-test district <vm-test@district.invalid>' \
	ed25519 sign never
gpg --batch --quiet --armor --export > "$out/district.asc"
# shellcheck disable=SC2086
cp $debs "$out/district/"
(
	cd "$out/district"
	apt-ftparchive packages . > Packages
	apt-ftparchive release . > Release
	gpg --batch --quiet --clearsign -o InRelease Release
)
# shellcheck disable=SC2086
nice sh tests/vm/image.sh "$out" $debs > "$out/image.log" 2>&1 ||
	{ tail -30 "$out/image.log"; exit 1; }
phase image

# ---- boot ----
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
accel="-accel tcg -cpu max"
if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then
	# /dev/kvm may be there and still not run a guest (a nested or
	# paravirtual KVM): it must print the kernel's banner within 5 s.
	setpriv --pdeathsig KILL qemu-system-x86_64 -accel kvm -cpu host -m 256 -nodefaults \
		-display none -no-reboot -kernel "$out/vmlinuz" \
		-append "console=ttyS0 panic=-1" \
		-serial "file:$out/kvm-probe.log" >/dev/null 2>&1 &
	probe_pid=$!
	i=0
	while [ $i -lt 50 ] && ! grep -q 'Linux version' "$out/kvm-probe.log" 2>/dev/null; do
		kill -0 "$probe_pid" 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	grep -q 'Linux version' "$out/kvm-probe.log" 2>/dev/null && accel="-accel kvm -cpu host"
	kill "$probe_pid" 2>/dev/null || true
	wait "$probe_pid" 2>/dev/null || true
	probe_pid=""
fi
case $accel in
*kvm*) say "KVM works here" ;;
*) say "no working KVM: software emulation (TCG)" ;;
esac

power_on=$(date +%s%3N)
# setpriv: QEMU is killed when this script dies, even by SIGKILL (no
# trap runs then).
# shellcheck disable=SC2086
nice setpriv --pdeathsig KILL qemu-system-x86_64 $accel -smp 2 -m 1024 -nodefaults -display none \
	-no-reboot -kernel "$out/vmlinuz" -initrd "$out/initrd.img" \
	-append "root=/dev/vda rw console=ttyS0 quiet" \
	-drive "file=$out/root.img,if=virtio,format=raw" \
	-chardev "file,id=console,path=$out/console.log" -serial chardev:console \
	-chardev "socket,id=kiosk,path=$out/kiosk.sock,server=on,wait=off" \
	-serial chardev:kiosk \
	-netdev "user,id=net,restrict=on,hostfwd=tcp:127.0.0.1:$port-:22" \
	-device virtio-net-pci,netdev=net > "$out/qemu.log" 2>&1 &
qemu_pid=$!
phase "boot (QEMU started)"

# ---- checks ----
cat > "$out/ssh_config" <<SSH
Host vm
	HostName 127.0.0.1
	Port $port
	User root
	IdentityFile $out/id_ed25519
	IdentitiesOnly yes
	StrictHostKeyChecking no
	UserKnownHostsFile /dev/null
	LogLevel ERROR
	ConnectTimeout 5
	ControlMaster no
SSH
cat > "$out/inventory" <<INV
[kiosks]
vm ansible_host=127.0.0.1 ansible_port=$port ansible_user=root ansible_ssh_private_key_file=$out/id_ed25519 ansible_python_interpreter=/usr/bin/python3
INV
cat > "$out/ansible.cfg" <<CFG
[defaults]
roles_path = $(pwd)/deploy/ansible/roles
local_tmp = $out/ansible-tmp
host_key_checking = False
[ssh_connection]
ssh_args = -o ControlMaster=auto -o ControlPersist=60s -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no -o LogLevel=ERROR
control_path = $out/ansible-cp
pipelining = True
CFG
# The role as a district runs it; then its ssh connection is closed (it
# would linger for a minute).
cat > "$out/ansible.sh" <<ANS
#!/bin/sh
env HOME="$out/home" ANSIBLE_CONFIG="$out/ansible.cfg" \\
	ansible-playbook -i "$out/inventory" deploy/ansible/site.yml -e "@$out/vars.yml"
st=\$?
ssh -F "$out/ssh_config" -o ControlPath="$out/ansible-cp" -O exit vm 2>/dev/null
exit \$st
ANS
person="Mx. Okafor, school counsellor"
details="Library office, room 12, Monday to Thursday 9 to 3"
cat > "$out/vars.yml" <<VARS
safesteps_apt_uri: file:/srv/district
safesteps_apt_suites: ./
safesteps_apt_components: ""
safesteps_apt_key: "{{ lookup('file', '$out/district.asc') }}"
safesteps_site_languages:
  en:
    people:
      - name: "$person"
        details: "$details"
  fr:
    people:
      - name: "Mx Okafor, conseillère scolaire"
        details: "Bureau de la bibliothèque, salle 12, du lundi au jeudi de 9 h à 15 h"
VARS

VM_KIOSK_SOCKET="$out/kiosk.sock" VM_POWER_ON_MS=$power_on \
	VM_SSH="ssh -F $out/ssh_config vm" \
	VM_ANSIBLE="sh $out/ansible.sh" \
	VM_PERSON="$person" VM_PERSON_DETAILS="$details" VM_IDLE=20 VM_COUNTDOWN=5 \
	VM_LOG="$out/kiosk.log" SAFESTEPS_CONTENT_DIR=content \
	TEST_TIMEOUT_FACTOR="${TEST_TIMEOUT_FACTOR:-3}" \
	timeout 480 "$harness"
phase checks
