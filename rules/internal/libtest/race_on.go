//go:build race

package libtest

const raceOn = true
