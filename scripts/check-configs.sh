#!/usr/bin/env bash
# Build arch/x86/kvm/ of the series tip, as check-series.sh leaves its
# worktree, with each configuration of config/kvm-builds (or the NAMEs
# given): the configuration, then modules_prepare, then the directory. A
# warning of the tip that the base, built the same way, lacks fails the
# check, shown with the patch that last changed its line; the base is
# built only when the tip has warnings. Where KVM is modular, every symbol
# that kvm-intel.o or kvm-amd.o takes from kvm.o must be exported by it.
# Prints a table of the configurations with their build times; with no
# NAME given, writes it to results/configs.txt (configs-$BASE.txt with
# BASE set).
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

list=$TOP/config/kvm-builds
debian_config=/usr/src/linux-config-6.12/config.amd64_none_amd64.xz
tip=$BUILD/linux-check
[ -d "$tip" ] || die "no $tip: check-series.sh makes it"
[ -d "$BASE_TREE" ] || git -C "$TREE" worktree add -q --detach "$BASE_TREE" "$BASE_TAG"
out=$BUILD/configs
mkdir -p "$out"

names=("$@")
[ ${#names[@]} -gt 0 ] || mapfile -t names < <(awk '!/^#/ && NF { print $1 }' "$list")

# Writes OBJ/.config for SRC: ARCH, CONFIG, then the CONFIG_ options.
configure() {
	local src=$1 obj=$2 arch=$3 config=$4 o name value
	shift 4
	rm -rf "$obj"
	mkdir -p "$obj"
	if [ "$config" = debian ]; then
		xz -dc "$debian_config" >"$obj/.config"
		"$src/scripts/config" --file "$obj/.config" \
			-d DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT -d DEBUG_INFO_DWARF4 \
			-d DEBUG_INFO_DWARF5 -e DEBUG_INFO_NONE
	else
		make -C "$src" O="$obj" ARCH="$arch" -s "$config" >/dev/null
	fi
	for o in "$@"; do
		name=${o%%=*} value=${o#*=}
		case $value in
		y) "$src/scripts/config" --file "$obj/.config" -e "$name" ;;
		m) "$src/scripts/config" --file "$obj/.config" -m "$name" ;;
		n) "$src/scripts/config" --file "$obj/.config" -d "$name" ;;
		*) die "$list: $o: only =y, =m and =n" ;;
		esac
	done
	make -C "$src" O="$obj" ARCH="$arch" -s olddefconfig >/dev/null
	for o in "$@"; do
		name=${o%%=*} value=${o#*=}
		if [ "$value" = n ]; then
			! grep -q "^$name=" "$obj/.config"
		else
			grep -qx "$o" "$obj/.config"
		fi || die "$o did not take effect (its dependencies?)"
	done
}

# Builds arch/x86/kvm/ of SRC in OBJ with the make VARIABLEs; the logs go
# to OBJ/prepare.log (modules_prepare, whose warnings are not KVM's) and
# OBJ/build.log.
build() {
	local src=$1 obj=$2 arch=$3
	shift 3
	step() {
		make -C "$src" O="$obj" ARCH="$arch" -j"$(nproc)" "${@:3}" "$2" >"$obj/$1.log" 2>&1 ||
			{ tail -n 40 "$obj/$1.log" >&2; return 1; }
	}
	step prepare modules_prepare "$@" && step build arch/x86/kvm/ "$@"
}

# The warnings of a build log, without the source tree's path and the
# line and column numbers: comparable between base and tip.
warnings() {
	grep -E '(warning|error):' "$2/build.log" | sed -E "s#^($1/|\.\./)*##" |
		strip_line_numbers | sort -u || true
}

# The diagnostics of the tip's build log (file:line: lines) that stdin
# lists in warnings()'s form, each followed by the subject of the commit
# that last changed its line.
blame() {
	local raw file line commit
	grep -E '(warning|error):' "$obj/build.log" | sed -E "s#^($tip/|\.\./)*##" |
		while IFS= read -r raw; do
			grep -qxF "$(strip_line_numbers <<<"$raw")" "$1" || continue
			file=${raw%%:*} line=$(cut -d: -f2 <<<"$raw")
			echo "  $raw"
			commit=$(git -C "$tip" blame -L "$line,+1" --porcelain -- "$file" 2>/dev/null |
				awk 'NR == 1 { print $1 }')
			if [ -z "$commit" ]; then
				echo "    (not a line of the tree)"
			elif [ "$commit" = "$(git -C "$tip" rev-parse "$BASE_TAG")" ]; then
				echo "    a line of the base: a change of the series elsewhere makes it warn"
			else
				echo "    from patch: $(git -C "$tip" log -1 --format=%s "$commit")"
			fi
		done
}

# The symbols that module object $1 takes from kvm.o in $2 and that kvm.o
# does not export.
unexported() {
	local kvm=$2/arch/x86/kvm/kvm.o
	comm -12 <(nm -u "$1" | awk '{ print $2 }' | sort -u) \
		<(nm -g --defined-only "$kvm" | awk '{ print $3 }' | sort -u) |
		comm -23 - <(nm "$kvm" | sed -n 's/.* __export_symbol_//p' | sort -u)
}

table=$out/table
printf '%-11s %6s %6s  %-18s %s\n' config tip base result configuration >"$table"
failed=0
for name in "${names[@]}"; do
	read -r -a spec < <(awk -v n="$name" '$1 == n { $1 = ""; print }' "$list")
	[ ${#spec[@]} -ge 2 ] || die "no configuration '$name' in $list"
	arch=${spec[0]} config=${spec[1]} vars=() options=()
	for w in "${spec[@]:2}"; do
		case $w in CONFIG_*) options+=("$w") ;; *) vars+=("$w") ;; esac
	done
	what="$config $arch ${spec[*]:2}"
	log "check-configs: $name: arch/x86/kvm/ ($what)"
	obj=$out/$name
	configure "$tip" "$obj" "$arch" "$config" "${options[@]}"
	SECONDS=0
	tip_time=- base_time=- result=ok
	if ! build "$tip" "$obj" "$arch" "${vars[@]}"; then
		warnings "$tip" "$obj" | grep 'error:' >"$obj.errors"
		log "FAIL: $name: arch/x86/kvm/ does not build at the tip:"
		blame "$obj.errors" >&2
		result="does not build" failed=1
	fi
	[ "$result" = ok ] && tip_time=${SECONDS}s
	warnings "$tip" "$obj" >"$obj.warnings"
	if [ "$result" = ok ] && [ -s "$obj.warnings" ]; then
		configure "$BASE_TREE" "$obj-base" "$arch" "$config" "${options[@]}"
		SECONDS=0
		build "$BASE_TREE" "$obj-base" "$arch" "${vars[@]}" ||
			die "$name: arch/x86/kvm/ does not build at the base"
		base_time=${SECONDS}s
		warnings "$BASE_TREE" "$obj-base" >"$obj-base.warnings"
		comm -23 "$obj.warnings" "$obj-base.warnings" >"$obj.new-warnings"
		if [ -s "$obj.new-warnings" ]; then
			log "FAIL: $name: warnings the base lacks:"
			blame "$obj.new-warnings" >&2
			result="new warnings" failed=1
		fi
	fi
	for module in kvm-intel kvm-amd; do
		if [ "$result" != ok ] || [ ! -f "$obj/arch/x86/kvm/$module.o" ] ||
			! grep -q '^CONFIG_KVM=m' "$obj/.config"; then
			continue
		fi
		missing=$(unexported "$obj/arch/x86/kvm/$module.o" "$obj")
		[ -z "$missing" ] && continue
		log "FAIL: $name: $module.ko needs symbols that kvm.ko does not export: $missing"
		result="unexported symbols" failed=1
	done
	printf '%-11s %6s %6s  %-18s %s\n' "$name" "$tip_time" "$base_time" "$result" "$what" >>"$table"
done
{
	echo "arch/x86/kvm/ of the series tip built by make check-series (scripts/check-configs.sh)"
	echo "on $(cat "$BUILD/base-version" 2>/dev/null || echo "an unknown base"), $(nproc) CPUs; gcc $(gcc -dumpfullversion), clang $(clang -dumpversion), sparse $(sparse --version)."
	echo "Times in seconds for modules_prepare and the directory; base: built only when the tip warns."
	echo
	cat "$table"
} | if [ $# -eq 0 ]; then tee "$TOP/results/configs${BASE:+-$BASE}.txt"; else cat; fi
[ "$failed" -eq 0 ] || die "check-configs failed"
