//go:build !race

package libtest

const raceOn = false
