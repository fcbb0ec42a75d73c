#!/usr/bin/env bash
# Builds the file tree of the services' base image layer, without Docker and without a registry:
#   <out>/opt/java          a Java runtime made by jlink from the build's JDK (its jmods)
#   <out>/lib*             the shared libraries that runtime needs (glibc, zlib, ...), copied from
#                           this machine with the paths the dynamic loader expects (ldd's answer)
#   <out>/etc/passwd, group the user rigledger, uid/gid 185 (the services run as this numeric user)
#   <out>/tmp               world-writable with the sticky bit (Kubernetes mounts an emptyDir there)
# This is the "distroless" idea: a JRE and the C library it links, nothing else (no shell, no
# package manager). No container registry is reachable from the build machines of this project
# (only Maven Central, Debian's and npm's registries are), so no published base image can be pulled.
#
# Usage: build-jre-rootfs.sh JAVA_HOME OUT_DIR
set -euo pipefail

jdk="$1"
out="$2"
# java.se: the whole Java SE API (Hibernate, Jackson and the JDBC driver reach into java.desktop's
# java.beans, java.naming, java.sql, java.management); the jdk.* modules: sun.misc.Unsafe (Netty),
# EC and PKCS#11 crypto (JWT ES256, TLS), DNS naming, zip file systems, JFR and management for metrics.
modules="java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.naming.dns,jdk.zipfs,jdk.management,jdk.management.jfr,jdk.jfr,jdk.localedata"

if [ ! -d "$jdk/jmods" ]; then
  echo "build-jre-rootfs.sh: $jdk has no jmods folder, so jlink cannot make a runtime from it." >&2
  echo "  Debian: apt-get install -y openjdk-17-jmods   (.ci/run does this)" >&2
  exit 1
fi

stamp="$out.stamp"
want="$("$jdk/bin/java" -version 2>&1 | head -1) $modules $(sha256sum "$0" | cut -c1-16)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$out/opt/java/bin/java" ]; then
  exit 0 # same JDK, modules and script: the tree from the last build is still right
fi
rm -rf "$out" "$stamp"
mkdir -p "$out/opt" "$out/etc" "$out/tmp"
chmod 1777 "$out/tmp"

"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$out/opt/java"
# Debian's JDK links its legal notices to /usr/share; make every link a plain file (Jib writes no links)
find "$out/opt/java" -type l | while IFS= read -r link; do
  target="$(readlink -f "$link" || true)"
  rm "$link"
  if [ -n "$target" ] && [ -f "$target" ]; then cp "$target" "$link"; fi
done

# java.desktop's native parts for screens, sound and fonts are never loaded by a headless server
# (java.awt.headless=true); following their links would copy X11, ALSA and FreeType into the image.
desktop_only='.*/lib\(awt_xawt\|jawt\|jsound\|splashscreen\|fontmanager\|lcms\|javajpeg\)\.so'
# The libraries every ELF file of the runtime needs, by the absolute path the loader resolves them to.
copy_with_parents() {
  # a plain copy of what the path resolves to: the image builder (Jib) writes regular files only
  local file="$1"
  [ -e "$out$file" ] && return 0
  mkdir -p "$(dirname "$out$file")"
  cp -L "$file" "$out$file"
}
while IFS= read -r lib; do
  copy_with_parents "$lib"
done < <(find "$out/opt/java" -type f \( -name '*.so' -o -perm -u+x \) -not -regex "$desktop_only" -exec ldd {} + 2>/dev/null \
  | grep -oE '(=> )?/[^ ]+ \(0x' | sed -E 's/^=> //; s/ \(0x$//' | grep -v "^$out" | sort -u)
# the loader named in every executable: /lib64/ld-linux-x86-64.so.2 (x86_64), /lib/ld-linux-aarch64.so.1 (arm64)
for loader in /lib64/ld-linux-x86-64.so.2 /lib/ld-linux-aarch64.so.1; do
  if [ -e "$loader" ]; then copy_with_parents "$loader"; fi
done

printf 'root:x:0:0:root:/root:/sbin/nologin\nrigledger:x:185:185:RigLedger service:/deployments:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\nrigledger:x:185:\n' > "$out/etc/group"
echo "$want" > "$stamp"
echo "build-jre-rootfs.sh: $(du -sh "$out" | cut -f1) in $out"
