#!/bin/bash
# usage: capture.sh NAME VER   (VER in 1.21 1.23 1.25 1.26)
set -u
NAME=$1 VER=$2
P=/work/main/tests/diagnose/programs
O=/work/main/tests/diagnose/outputs
W=/tmp/diagcorpus
case $VER in
  1.21) GO=/root/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.21.13.linux-amd64/bin/go ;;
  1.23) GO=/root/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.23.12.linux-amd64/bin/go ;;
  1.25) GO=/root/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.25.14.linux-amd64/bin/go ;;
  1.26) GO=/usr/local/go/bin/go ;;
esac
mkdir -p $W/src/$NAME $W/bin $W/stdout $O
cp $P/$NAME/main.go $W/src/$NAME/main.go
printf 'module play\n\ngo 1.21\n' > $W/src/$NAME/go.mod
BIN=$W/bin/$NAME.go$VER
RACE=
case $NAME in race-*) RACE=-race ;; esac
( cd $W/src/$NAME && GOTOOLCHAIN=local CGO_ENABLED=1 $GO build -trimpath $RACE -o $BIN . ) || { echo "BUILD FAILED $NAME $VER"; exit 1; }
OUT=$O/$NAME.go$VER.txt
cd $W
unset GOTRACEBACK GODEBUG
case $NAME in
  sigquit-*)
    $BIN >$W/stdout/$NAME.go$VER.txt 2>$OUT &
    pid=$!
    sleep 0.5
    kill -QUIT $pid
    wait $pid; st=$? ;;
  out-of-memory|out-of-memory-big)
    ( ulimit -d 262144; exec timeout -s KILL 60 $BIN ) >$W/stdout/$NAME.go$VER.txt 2>$OUT; st=$? ;;
  race-*)
    GORACE=atexit_sleep_ms=0 timeout -s KILL 60 $BIN >$W/stdout/$NAME.go$VER.txt 2>$OUT; st=$? ;;
  *)
    timeout -s KILL 60 $BIN >$W/stdout/$NAME.go$VER.txt 2>$OUT; st=$? ;;
esac
echo $st > $O/$NAME.go$VER.status
printf '%-24s go%s exit=%-3s %7d bytes  %s\n' $NAME $VER $st $(wc -c <$OUT) "$(head -1 $OUT)"
