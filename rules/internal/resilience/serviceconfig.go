package resilience

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// ServiceConfig is what faultline reads of a gRPC service config (the JSON
// of grpc.WithDefaultServiceConfig): the per-method timeouts,
// waitForReady and retry policies, as grpc-go v1.85 parses them.
type ServiceConfig struct {
	Methods []MethodConfig
	// Invalid reports a config grpc-go rejects (bad JSON, a bad duration,
	// a duplicated name, an invalid retryPolicy): NewClient then fails.
	Invalid bool
}

// MethodConfig is one entry of methodConfig.
type MethodConfig struct {
	// Paths are the methods it applies to, as grpc-go keys them:
	// "/pkg.Service/Method", "/pkg.Service/" for every method of the
	// service, "" for every method of every service.
	Paths        []string
	HasTimeout   bool
	Timeout      time.Duration
	WaitForReady *bool
	Retry        *RetryPolicy
}

// RetryPolicy is a methodConfig's retryPolicy.
type RetryPolicy struct {
	MaxAttempts       int
	InitialBackoff    time.Duration
	MaxBackoff        time.Duration
	BackoffMultiplier float64
}

// parseServiceConfig reads a service config as grpc-go does: keys match
// case-insensitively (encoding/json), a methodConfig with no name applies
// to no method.
func parseServiceConfig(js string) *ServiceConfig {
	var raw struct {
		MethodConfig *[]struct {
			Name         *[]struct{ Service, Method string }
			WaitForReady *bool
			Timeout      *string
			RetryPolicy  *struct {
				MaxAttempts          int
				InitialBackoff       *string
				MaxBackoff           *string
				BackoffMultiplier    float64
				RetryableStatusCodes []json.RawMessage
			}
		}
	}
	invalid := &ServiceConfig{Invalid: true}
	if err := json.Unmarshal([]byte(js), &raw); err != nil {
		return invalid
	}
	sc := &ServiceConfig{}
	if raw.MethodConfig == nil {
		return sc
	}
	paths := map[string]bool{}
	for _, m := range *raw.MethodConfig {
		mc := MethodConfig{WaitForReady: m.WaitForReady}
		if m.Timeout != nil {
			d, ok := parseDuration(*m.Timeout)
			if !ok {
				return invalid
			}
			mc.HasTimeout, mc.Timeout = true, d
		}
		if rp := m.RetryPolicy; rp != nil {
			p := &RetryPolicy{MaxAttempts: rp.MaxAttempts, BackoffMultiplier: rp.BackoffMultiplier}
			var ok1, ok2 bool
			if rp.InitialBackoff != nil {
				p.InitialBackoff, ok1 = parseDuration(*rp.InitialBackoff)
			}
			if rp.MaxBackoff != nil {
				p.MaxBackoff, ok2 = parseDuration(*rp.MaxBackoff)
			}
			if !ok1 || !ok2 || p.MaxAttempts <= 1 || p.InitialBackoff <= 0 || p.MaxBackoff <= 0 || p.BackoffMultiplier <= 0 || len(rp.RetryableStatusCodes) == 0 {
				return invalid
			}
			mc.Retry = p
		}
		if m.Name == nil {
			continue // grpc-go skips it
		}
		for _, n := range *m.Name {
			path := ""
			switch {
			case n.Service == "" && n.Method != "":
				return invalid
			case n.Service != "":
				path = "/" + n.Service + "/" + n.Method
			}
			if paths[path] {
				return invalid
			}
			paths[path] = true
			mc.Paths = append(mc.Paths, path)
		}
		sc.Methods = append(sc.Methods, mc)
	}
	return sc
}

// parseDuration reads a protobuf JSON duration: decimal seconds with an
// "s" suffix ("1.5s").
func parseDuration(s string) (time.Duration, bool) {
	num, ok := strings.CutSuffix(s, "s")
	if !ok || num == "" || strings.ContainsAny(num, "eE+") {
		return 0, false
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, false
	}
	return time.Duration(f * float64(time.Second)), true
}

// lookup returns the config of a method as grpc-go finds it: the exact
// method, else its service's, else the default of every service. sure is
// false when method is unknown ("") and a config names some service: it
// may be the method's.
func (sc *ServiceConfig) lookup(method string) (mc *MethodConfig, sure bool) {
	if sc == nil {
		return nil, true
	}
	service := ""
	if i := strings.LastIndex(method, "/"); i >= 0 {
		service = method[:i+1]
	}
	var exact, svc, all *MethodConfig
	named := false
	for i := range sc.Methods {
		m := &sc.Methods[i]
		for _, p := range m.Paths {
			switch {
			case p == "":
				all = m
			case method != "" && p == method:
				exact = m
			case method != "" && p == service:
				svc = m
			default:
				named = true
			}
		}
	}
	switch {
	case exact != nil:
		return exact, true
	case svc != nil:
		return svc, true
	case method == "" && named:
		return all, false
	}
	return all, true
}

// String shows the config in tests: `"/pkg.S/": timeout 2s, retry 4`; "?"
// when unknown.
func (sc *ServiceConfig) String() string {
	switch {
	case sc == nil:
		return "?"
	case sc.Invalid:
		return "invalid"
	}
	var parts []string
	for _, m := range sc.Methods {
		var what []string
		if m.HasTimeout {
			what = append(what, "timeout "+m.Timeout.String())
		}
		if m.WaitForReady != nil {
			what = append(what, "waitForReady "+strconv.FormatBool(*m.WaitForReady))
		}
		if m.Retry != nil {
			what = append(what, "retry "+strconv.Itoa(m.Retry.MaxAttempts))
		}
		for _, p := range m.Paths {
			parts = append(parts, strconv.Quote(p)+": "+strings.Join(what, ", "))
		}
	}
	return strings.Join(parts, "; ")
}
