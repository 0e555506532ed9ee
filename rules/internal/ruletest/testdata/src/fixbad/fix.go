// Package fixbad's golden file is not what the fix makes of it.
package fixbad

func Old() {}

func Use() {
	Old() // want `call of Old`
}
