# Sourced by the other scripts: finds a JDK of version 21 or newer and puts it first on PATH.
# Order: $JAVA_HOME if new enough, then the newest JDK under /usr/lib/jvm.
masthead_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}
masthead_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate="${candidate%/}"
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(masthead_java_major "$candidate")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}
if ! MASTHEAD_JDK=$(masthead_find_jdk); then
  echo "Masthead needs a JDK 21 or newer (none found in JAVA_HOME or /usr/lib/jvm)." >&2
  echo "Install one, e.g.: apt-get install openjdk-21-jdk-headless" >&2
  exit 1
fi
export JAVA_HOME="$MASTHEAD_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
