// Package failsafehttp is a stub of failsafe-go's failsafehttp.
package failsafehttp

import (
	"net/http"

	"github.com/failsafe-go/failsafe-go"
)

func NewRoundTripper(innerRoundTripper http.RoundTripper, policies ...failsafe.Policy[*http.Response]) http.RoundTripper {
	return innerRoundTripper
}
func NewRoundTripperWithExecutor(innerRoundTripper http.RoundTripper, executor failsafe.Executor[*http.Response]) http.RoundTripper {
	return innerRoundTripper
}
