#!/bin/sh
# image.sh OUT DEB...: a minimal Debian 12 system for the kiosk test, in
# OUT/root.img (ext4) with OUT/vmlinuz and OUT/initrd.img beside it.
#
# mmdebstrap installs, from the Debian archive this machine's apt already
# uses and nothing else: systemd, udev, a kernel, sshd and Python (for
# the Ansible role) and the packages given (safesteps, safesteps-kiosk).
# Then the machine is set up as safesteps(1) says a kiosk is ("KIOSK":
# gettys masked), with a test drop-in that moves the kiosk to the second
# serial port (see vm-test.conf).  The image has no apt source of its own
# but the district's: a signed repository in /srv/district that holds
# the same packages, which the Ansible role adds.
set -eu
out=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
suite=bookworm

# The Debian archive apt uses here: its bookworm, -updates and -security.
mirrors=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE) $(COMPONENT)' \
	'Identifier: Packages' 2>/dev/null |
	awk -v s="$suite" '$2 == s || $2 == s "-updates" || $2 == s "-security" { print }' |
	sort -u)
[ -n "$mirrors" ] || { echo "image: apt here has no source for Debian $suite"; exit 1; }

rm -rf "$out/root" "$out/root.img"
mkdir -p "$out/root"
incl=""
for deb in "$@"; do
	incl="$incl --include=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
done

# One "deb URI SUITE COMPONENT" argument per source.
oldifs=$IFS
IFS='
'
set --
for m in $mirrors; do
	set -- "$@" "deb $m"
done
IFS=$oldifs

# shellcheck disable=SC2086
mmdebstrap --quiet --mode=root --variant=minbase \
	--include=systemd-sysv,udev,dbus,libpam-systemd,linux-image-amd64,initramfs-tools,zstd \
	--include=iproute2,procps,openssh-server,python3,python3-apt \
	$incl \
	--hook-dir=/usr/share/mmdebstrap/hooks/file-mirror-automount \
	--essential-hook='mkdir -p "$1/etc/initramfs-tools/conf.d" "$1/etc/initramfs-tools/hooks"' \
	--essential-hook="cp '$here/initramfs.conf' \"\$1/etc/initramfs-tools/conf.d/vm-test.conf\"" \
	--essential-hook="cp '$here/initramfs-hook' \"\$1/etc/initramfs-tools/hooks/vm-test\"" \
	--customize-hook="sh '$here/customize.sh' \"\$1\" '$out'" \
	"$suite" "$out/root" "$@"

cp "$out/root/boot/vmlinuz-"* "$out/vmlinuz"
cp "$out/root/boot/initrd.img-"* "$out/initrd.img"
mke2fs -q -t ext4 -L root -d "$out/root" "$out/root.img" 2G
rm -rf "$out/root"
