#!/bin/sh
# customize.sh ROOT OUT: set up the test machine in ROOT (an mmdebstrap
# customize hook).  OUT holds the test's ssh key and the district's
# repository, made by run.sh.
set -eu
root=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)

echo safesteps-vm > "$root/etc/hostname"
printf '127.0.0.1 localhost\n127.0.1.1 safesteps-vm\n' > "$root/etc/hosts"
echo '/dev/vda / ext4 rw,errors=remount-ro 0 1' > "$root/etc/fstab"

# The kiosk as safesteps(1) says (KIOSK): no getty on the consoles, and
# none on the serial port the kiosk uses in this machine.
chroot "$root" systemctl mask --quiet getty@tty1.service getty@tty2.service \
	getty@tty3.service getty@tty4.service getty@tty5.service \
	getty@tty6.service ctrl-alt-del.target serial-getty@ttyS1.service
mkdir -p "$root/etc/systemd/system/safesteps-kiosk.service.d"
cp "$here/vm-test.conf" "$root/etc/systemd/system/safesteps-kiosk.service.d/"
chroot "$root" systemctl is-enabled --quiet safesteps-kiosk.service ||
	{ echo "customize: the package did not enable safesteps-kiosk.service"; exit 1; }

# The test logs in as root with its key, over the network QEMU gives.
mkdir -p "$root/root/.ssh"
cp "$out/id_ed25519.pub" "$root/root/.ssh/authorized_keys"
chmod 700 "$root/root/.ssh"
chmod 600 "$root/root/.ssh/authorized_keys"
cat > "$root/etc/systemd/network/20-wired.network" <<'NET'
[Match]
Name=en*

[Network]
DHCP=ipv4
NET
chroot "$root" systemctl enable --quiet systemd-networkd.service

# apt knows only the district's repository (the machine has no way out).
rm -f "$root/etc/apt/sources.list"
rm -f "$root/etc/apt/sources.list.d/"*
mkdir -p "$root/srv"
cp -r "$out/district" "$root/srv/district"
