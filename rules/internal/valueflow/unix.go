package valueflow

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// UnixStep is the last step of a path from a dial function value (a
// transport's DialContext or Dial) to whether it dials a unix-domain
// socket: Transport.DialContext.$unix is Set when the function's every
// connection comes from a dial of the network "unix" (or "unixpacket",
// "unixgram"), Unset when it dials another network (the one the transport
// gives it, "tcp", or a constant such as "tcp"), Unknown when faultline
// does not see which.
//
// The function is followed through its returns to the dials that make the
// connection: net.Dial, net.DialTimeout, net.DialUnix, a net.Dialer's Dial
// and DialContext, and functions of this package that return such a
// connection (with their parameters bound to the arguments they are
// given, so a helper dialing the network it is passed dials what its
// caller says, and one that ignores it dials what it says itself). A
// bound method of a net.Dialer installed as is dials the network the
// transport gives it: TCP.
const UnixStep = "$unix"

// networkDials are the dial functions with a network parameter, by index
// among the arguments (the receiver not counted).
var networkDials = map[string]int{
	"net.Dial":                         0,
	"net.DialTimeout":                  0,
	"net.DialUnix":                     0,
	"(*net.Dialer).Dial":               0,
	"(*net.Dialer).DialContext":        1,
	"(*crypto/tls.Dialer).Dial":        0,
	"crypto/tls.Dial":                  0,
	"crypto/tls.DialWithDialer":        1,
	"(*crypto/tls.Dialer).DialContext": 1,
}

var networkDialSet = lint.NewFuncSet(func() []string {
	var out []string
	for k := range networkDials {
		out = append(out, k)
	}
	return out
}()...)

// maxUnixDepth bounds the helpers followed from a dial function.
const maxUnixDepth = 4

// unixDial answers whether the function value fn dials only unix-domain
// sockets.
func (e *evaluator) unixDial(fn ssa.Value) Info {
	switch v := fn.(type) {
	case *ssa.Const:
		if v.Value == nil {
			return unset // nil: the transport's own dialer, TCP
		}
	case *ssa.Phi:
		i := unset
		for _, edge := range v.Edges {
			i = join(i, e.unixDial(edge))
		}
		return i
	case *ssa.ChangeType:
		return e.unixDial(v.X)
	case *ssa.Function:
		return e.unixFunc(v, nil, 0)
	case *ssa.MakeClosure:
		f, _ := v.Fn.(*ssa.Function)
		if f == nil {
			return unknown
		}
		if strings.HasPrefix(f.Synthetic, "bound method wrapper") {
			if m, _ := f.Object().(*types.Func); m != nil && dialMethods.Has(m) {
				return unset // dials the network the transport gives it
			}
			return unknown
		}
		return e.unixFunc(f, nil, 0)
	case *ssa.Call:
		// A helper that returns the dial function.
		callee := v.Call.StaticCallee()
		if callee == nil || !e.local(callee) {
			return unknown
		}
		i := unset
		for _, b := range callee.Blocks {
			if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) > 0 {
				i = join(i, e.unixDial(ret.Results[0]))
			}
		}
		return i
	}
	return unknown
}

// unixFunc answers whether every connection fn returns (its first result)
// comes from a dial of a unix-domain socket; binding gives the values of
// fn's parameters where its caller is followed.
func (e *evaluator) unixFunc(fn *ssa.Function, binding map[*ssa.Parameter]ssa.Value, depth int) Info {
	if fn.Blocks == nil || depth > maxUnixDepth {
		return unknown
	}
	var all *Info
	add := func(i Info) {
		switch {
		case all == nil:
			all = &i
		case i.State == Unset || all.State == Unset:
			all = &unset
		case i.State == Unknown || all.State == Unknown:
			all = &unknown
		}
	}
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue
		}
		e.unixConn(ret.Results[0], binding, depth, add, map[ssa.Value]bool{})
	}
	if all == nil {
		return unknown
	}
	return *all
}

// unixConn follows the connection v to the dials that make it, adding
// what each says.
func (e *evaluator) unixConn(v ssa.Value, binding map[*ssa.Parameter]ssa.Value, depth int, add func(Info), seen map[ssa.Value]bool) {
	if seen[v] {
		return
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Const:
		// nil: an error path, no connection.
		if v.Value != nil {
			add(unknown)
		}
		return
	case *ssa.MakeInterface:
		e.unixConn(v.X, binding, depth, add, seen)
		return
	case *ssa.ChangeInterface:
		e.unixConn(v.X, binding, depth, add, seen)
		return
	case *ssa.Phi:
		for _, edge := range v.Edges {
			e.unixConn(edge, binding, depth, add, seen)
		}
		return
	case *ssa.Extract:
		if c, ok := v.Tuple.(*ssa.Call); ok && v.Index == 0 {
			add(e.unixCall(c, binding, depth))
			return
		}
	case *ssa.Call:
		add(e.unixCall(v, binding, depth))
		return
	}
	add(unknown)
}

// unixCall answers whether the call c, which returns a connection, dials
// a unix-domain socket.
func (e *evaluator) unixCall(c *ssa.Call, binding map[*ssa.Parameter]ssa.Value, depth int) Info {
	common := &c.Call
	if entry, ok := networkDialSet.Entry(ir.Callee(common)); ok {
		network := ir.Arg(common, networkDials[entry])
		if network == nil {
			return unknown
		}
		for {
			p, ok := network.(*ssa.Parameter)
			if !ok || binding[p] == nil {
				break
			}
			network = binding[p]
		}
		s, ok := ir.ConstString(network)
		switch {
		case !ok:
			if p, isParam := network.(*ssa.Parameter); isParam && isDialFuncParam(p) {
				// The dial function's own network parameter (every
				// helper's is bound): what the transport gives it, "tcp".
				return unset
			}
			return unknown
		case strings.HasPrefix(s, "unix"):
			return set
		}
		return unset
	}
	callee := common.StaticCallee()
	if callee == nil || common.IsInvoke() || !e.local(callee) || len(common.Args) != len(callee.Params) {
		return unknown
	}
	b := map[*ssa.Parameter]ssa.Value{}
	for i, p := range callee.Params {
		a := common.Args[i]
		if ap, ok := a.(*ssa.Parameter); ok && binding[ap] != nil {
			a = binding[ap]
		}
		b[p] = a
	}
	return e.unixFunc(callee, b, depth+1)
}

// isDialFuncParam reports whether p is the network parameter of a dial
// function: the string parameter before the address of a
// func([ctx,] network, addr string) (net.Conn, error).
func isDialFuncParam(p *ssa.Parameter) bool {
	fn := p.Parent()
	n := len(fn.Params)
	return n >= 2 && fn.Params[n-2] == p && fn.Signature.Results().Len() == 2
}
