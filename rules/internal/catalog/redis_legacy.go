package catalog

import "strings"

func init() { register(&goRedisV6) }

// goRedisV6: go-redis v6 (github.com/go-redis/redis, +incompatible), whose
// commands take no context. Each is bounded by the options' socket
// timeouts: dial 5s, read 3s, write as read by default, -1 for none
// (options.go:58-70,123-142); Client.WithContext does not reach the socket
// (internal/pool/conn.go:51-67 sets deadlines from the timeouts alone).
// No entry names a Twin: no command reads the context WithContext stores
// (redis.go:393-430, cluster.go:696-707, ring.go:383-394 only return it),
// so a caller's context has no way in, and ctxdeadline's dropped-context
// stays silent on v6.
var goRedisV6 = Library{
	Name:     "go-redis v6",
	Paths:    []string{"github.com/go-redis/redis"},
	Versions: "v6.15.9+incompatible read (v7 not read)",
	Engine:   "redis",
	Notes: "Commands take no context: the client's socket timeouts bound each (dial 5s, read 3s, write as " +
		"read by default), and WithContext does not bound I/O in v6. faultline records the calls but does not " +
		"judge them: it does not read the options, so ReadTimeout -1 (no timeout) goes unseen, and blocking " +
		"commands (BLPop, XRead with Block) are bounded only by their own timeout argument.",
	APIs: func() []API {
		const pkg = "github.com/go-redis/redis"
		var t []API
		// The commands of Cmdable and StatefulCmdable (Pipeline and
		// TxPipeline, which only build a pipeline, left out): declared on
		// the embedded cmdable (statefulCmdable for the four that change
		// a connection's state), and on ClusterClient (DBSize); called
		// through the interfaces too, whose embedding ones (UniversalClient,
		// Pipeliner) share their methods.
		blocking := map[string]bool{
			"BLPop": true, "BRPop": true, "BRPopLPush": true, "BZPopMax": true, "BZPopMin": true,
			"XRead": true, "XReadStreams": true, "XReadGroup": true, "Migrate": true,
		}
		stateful := map[string]bool{"Auth": true, "Select": true, "SwapDB": true, "ClientSetName": true}
		for _, m := range strings.Fields(redisV6Commands) {
			typs := []string{"cmdable", "Cmdable"}
			switch {
			case stateful[m]:
				typs = []string{"statefulCmdable", "StatefulCmdable"}
			case m == "DBSize":
				typs = append(typs, "ClusterClient")
			}
			for _, typ := range typs {
				a := method(pkg, typ, m, Redis, -1)
				if blocking[m] {
					// The command's timeout argument sets the read
					// deadline (plus 10s); 0 blocks for ever.
					t = append(t, unknown(a))
				} else {
					t = append(t, bounded(a))
				}
			}
		}
		// Commands given as values, pipelines and transactions.
		for _, typ := range []string{"baseClient", "ClusterClient", "Ring"} {
			t = append(t,
				bounded(method(pkg, typ, "Do", Redis, -1)),
				bounded(method(pkg, typ, "Process", Redis, -1)))
		}
		for _, typ := range []string{"Client", "Conn", "ClusterClient", "Ring", "Tx", "Pipeline", "Cmdable"} {
			t = append(t,
				bounded(method(pkg, typ, "Pipelined", Redis, -1)),
				bounded(method(pkg, typ, "TxPipelined", Redis, -1)))
		}
		for _, typ := range []string{"Client", "ClusterClient", "Ring", "Tx", "UniversalClient"} {
			t = append(t, bounded(method(pkg, typ, "Watch", Redis, -1)))
		}
		t = append(t,
			bounded(method(pkg, "UniversalClient", "Process", Redis, -1)),
			bounded(method(pkg, "Tx", "Unwatch", Redis, -1)),
			bounded(method(pkg, "Pipeline", "Exec", Redis, -1)),
			bounded(method(pkg, "Pipeliner", "Exec", Redis, -1)),
		)
		// Pub/sub: a subscription stays open; receiving waits for messages.
		for _, typ := range []string{"Client", "ClusterClient", "Ring", "UniversalClient"} {
			t = append(t,
				stream(method(pkg, typ, "Subscribe", Redis, -1)),
				stream(method(pkg, typ, "PSubscribe", Redis, -1)))
		}
		for _, m := range []string{"Receive", "ReceiveMessage", "ReceiveTimeout"} {
			t = append(t, consume(method(pkg, "PubSub", m, Redis, -1)))
		}
		return t
	}(),
	Addrs: []Addr{
		{Func: "github.com/go-redis/redis.NewClient", Arg: 0, Fields: []string{"Addr"}},
		{Func: "github.com/go-redis/redis.NewClusterClient", Arg: 0, Fields: []string{"Addrs"}},
		{Func: "github.com/go-redis/redis.NewFailoverClient", Arg: 0, Fields: []string{"SentinelAddrs"}},
		{Func: "github.com/go-redis/redis.NewUniversalClient", Arg: 0, Fields: []string{"Addrs"}},
		{Func: "github.com/go-redis/redis.NewRing", Arg: 0, Fields: []string{"Addrs"}},
	},
}

// redisV6Commands are the methods of go-redis v6's Cmdable and
// StatefulCmdable interfaces (commands.go:51-302), each a command sent
// through the client's process function.
const redisV6Commands = `
	Append Auth BLPop BRPop BRPopLPush BZPopMax BZPopMin BgRewriteAOF BgSave BitCount BitOpAnd BitOpNot
	BitOpOr BitOpXor BitPos ClientGetName ClientID ClientKill ClientKillByFilter ClientList ClientPause
	ClientSetName ClusterAddSlots ClusterAddSlotsRange ClusterCountFailureReports
	ClusterCountKeysInSlot ClusterDelSlots ClusterDelSlotsRange ClusterFailover ClusterForget
	ClusterGetKeysInSlot ClusterInfo ClusterKeySlot ClusterMeet ClusterNodes ClusterReplicate
	ClusterResetHard ClusterResetSoft ClusterSaveConfig ClusterSlaves ClusterSlots Command ConfigGet
	ConfigResetStat ConfigRewrite ConfigSet DBSize DebugObject Decr DecrBy Del Dump Echo Eval EvalSha
	Exists Expire ExpireAt FlushAll FlushAllAsync FlushDB FlushDBAsync GeoAdd GeoDist GeoHash GeoPos
	GeoRadius GeoRadiusByMember GeoRadiusByMemberRO GeoRadiusRO Get GetBit GetRange GetSet HDel HExists
	HGet HGetAll HIncrBy HIncrByFloat HKeys HLen HMGet HMSet HScan HSet HSetNX HVals Incr IncrBy
	IncrByFloat Info Keys LIndex LInsert LInsertAfter LInsertBefore LLen LPop LPush LPushX LRange LRem
	LSet LTrim LastSave MGet MSet MSetNX MemoryUsage Migrate Move ObjectEncoding ObjectIdleTime
	ObjectRefCount PExpire PExpireAt PFAdd PFCount PFMerge PTTL Persist Ping PubSubChannels
	PubSubNumPat PubSubNumSub Publish Quit RPop RPopLPush RPush RPushX RandomKey ReadOnly ReadWrite
	Rename RenameNX Restore RestoreReplace SAdd SCard SDiff SDiffStore SInter SInterStore SIsMember
	SMembers SMembersMap SMove SPop SPopN SRandMember SRandMemberN SRem SScan SUnion SUnionStore Save
	Scan ScriptExists ScriptFlush ScriptKill ScriptLoad Select Set SetBit SetNX SetRange SetXX Shutdown
	ShutdownNoSave ShutdownSave SlaveOf Sort SortInterfaces SortStore StrLen SwapDB TTL Time Touch Type
	Unlink XAck XAdd XClaim XClaimJustID XDel XGroupCreate XGroupCreateMkStream XGroupDelConsumer
	XGroupDestroy XGroupSetID XLen XPending XPendingExt XRange XRangeN XRead XReadGroup XReadStreams
	XRevRange XRevRangeN XTrim XTrimApprox ZAdd ZAddCh ZAddNX ZAddNXCh ZAddXX ZAddXXCh ZCard ZCount
	ZIncr ZIncrBy ZIncrNX ZIncrXX ZInterStore ZLexCount ZPopMax ZPopMin ZRange ZRangeByLex
	ZRangeByScore ZRangeByScoreWithScores ZRangeWithScores ZRank ZRem ZRemRangeByLex ZRemRangeByRank
	ZRemRangeByScore ZRevRange ZRevRangeByLex ZRevRangeByScore ZRevRangeByScoreWithScores
	ZRevRangeWithScores ZRevRank ZScan ZScore ZUnionStore
`
