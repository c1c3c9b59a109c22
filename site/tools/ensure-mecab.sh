#!/usr/bin/env bash
# Furigana and kana search need MeCab and its dictionary from Debian (libmecab2, mecab-ipadic-utf8).
# Called by the site's build only when they are missing: as root it installs them with apt-get,
# otherwise it says what to install. The site runs without them (no furigana switch, one log line),
# so this never fails the build.
set -uo pipefail

have_mecab() {
    { ldconfig -p 2>/dev/null | grep -q 'libmecab\.so\.2'; } || compgen -G '/usr/lib/*/libmecab.so.2' >/dev/null || return 1
    [[ -f /var/lib/mecab/dic/debian/sys.dic || -f /var/lib/mecab/dic/ipadic-utf8/sys.dic ]]
}

if have_mecab; then
    exit 0
fi

packages=(libmecab2 mecab-ipadic-utf8)
if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure-mecab: installing ${packages[*]} for furigana and kana search" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq &&
        apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
    if have_mecab; then
        exit 0
    fi
    echo "ensure-mecab: apt-get could not install ${packages[*]}; the site will run without furigana" >&2
else
    echo "ensure-mecab: furigana and kana search need MeCab: sudo apt-get install -y ${packages[*]} (the site runs without them)" >&2
fi
exit 0
