// Package fixgood's golden file is what the fix makes of it.
package fixgood

func Old() {}

func Use() {
	Old() // want `call of Old`
}
