//go:build race

package topology

// raceOn: the tests are built with the race detector, which slows the
// code it instruments and keeps shadow memory of its own.
const raceOn = true
