package catalog

func init() { register(&gcp) }

// gcp: the Google Cloud clients of cloud.google.com/go besides Cloud
// Storage's object and bucket handles (in cloud.go): Firestore, Pub/Sub v1,
// Spanner, Bigtable, and the rest of Cloud Storage's client.
//
// The generated (gapic) clients under these give each unary RPC a default
// timeout that gax applies when the context has no deadline
// (gax-go/v2@v2.27.0 invoke.go:84-91), and none to streaming RPCs: an entry
// whose call ends in a unary RPC with such a default is bounded (Own), one
// that reads through a stream is bounded by its context alone.
var gcp = Library{
	Name: "cloud.google.com/go: firestore, pubsub, spanner, bigtable, storage",
	Paths: []string{
		"cloud.google.com/go/firestore", "cloud.google.com/go/pubsub", "cloud.google.com/go/spanner",
		"cloud.google.com/go/bigtable", "cloud.google.com/go/internal/pubsub", "cloud.google.com/go/storage",
	},
	Versions: "firestore v1.29.2, pubsub v1.52.0, spanner v1.96.2, bigtable v1.58.0, storage v1.71.0 read",
	Notes: "Calls that end in unary RPCs (writes, commits, admin calls, Spanner DML) are bounded by gapic's " +
		"default timeouts when the context has none (Firestore and Pub/Sub 60s, Spanner 30s, its Commit 1h); " +
		"streaming reads (Firestore DocumentRef.Get and Query.Documents, Spanner reads and queries, Bigtable, " +
		"retried with no attempt cap), transactions (Spanner's, retried until the context's deadline; " +
		"Firestore's, whose reads are streams) and Cloud Storage's copier and composer are bounded by the " +
		"context alone. Pub/Sub Publish never blocks, PublishResult.Get waits at most PublishSettings.Timeout " +
		"(60s; faultline does not see it set to 0, which disables it), Receive and Snapshots wait by design, " +
		"and Bigtable's admin clients are recorded, not judged.",
	APIs: func() []API {
		var t []API
		add := func(service string, as ...API) {
			for _, a := range as {
				a.Service = service
				t = append(t, a)
			}
		}

		// Firestore (firestore@v1.29.2): apiv1/firestore_client.go:91-304
		// gives Commit, ListDocuments, ListCollectionIds and BatchWrite 60s,
		// PartitionQuery 300s, and BatchGetDocuments, RunQuery,
		// RunAggregationQuery, ExecutePipeline and Listen nothing.
		const fs = "cloud.google.com/go/firestore"
		add("firestore",
			wildcard(fs, "Client", Cloud),                          // GetAll: BatchGetDocuments; RunTransaction
			wildcard(fs, "DocumentRef", Cloud),                     // Get: BatchGetDocuments (docref.go:92-101)
			wildcard(fs, "Query", Cloud),                           // Documents: RunQuery (query.go:1325, 1480)
			wildcard(fs, "VectorQuery", Cloud),                     // Documents: RunQuery
			wildcard(fs, "AggregationQuery", Cloud),                // Get: RunAggregationQuery (query.go:1800)
			wildcard(fs, "Pipeline", Cloud),                        // Execute: ExecutePipeline (pipeline_result.go:256)
			bounded(wildcard(fs, "WriteBatch", Cloud)),             // Commit (writebatch.go:78; client.go:580)
			bounded(wildcard(fs, "CollectionGroupRef", Cloud)),     // GetPartitionedQueries: PartitionQuery
			bounded(method(fs, "DocumentRef", "Create", Cloud, 0)), // Commit (docref.go:152-160)
			bounded(method(fs, "DocumentRef", "Set", Cloud, 0)),
			bounded(method(fs, "DocumentRef", "Update", Cloud, 0)),
			bounded(method(fs, "DocumentRef", "Delete", Cloud, 0)),
			bounded(method(fs, "DocumentRef", "Collections", Cloud, 0)),    // ListCollectionIds (docref.go:721)
			bounded(method(fs, "CollectionRef", "Add", Cloud, 0)),          // DocumentRef.Create (collref.go:121)
			bounded(method(fs, "CollectionRef", "DocumentRefs", Cloud, 0)), // ListDocuments
			bounded(method(fs, "Client", "Collections", Cloud, 0)),         // ListCollectionIds (client.go:516)
			bounded(method(fs, "Client", "BulkWriter", Cloud, 0)),          // BatchWrite (bulkwriter.go:345)
			stream(method(fs, "DocumentRef", "Snapshots", Cloud, 0)),       // Listen (watch.go:516)
			stream(method(fs, "Query", "Snapshots", Cloud, 0)),
		)

		// Pub/Sub v1 (pubsub@v1.52.0): every admin RPC of the publisher,
		// subscriber and schema clients has a 60s default
		// (apiv1/publisher_client.go:76-204, subscriber_client.go:84-300,
		// schema_client.go:77-203); Publish only queues the message
		// (topic.go:1189-1198) and the bundle's RPC runs under
		// PublishSettings.Timeout (topic.go:148, 1324-1341).
		const ps = "cloud.google.com/go/pubsub"
		add("pubsub",
			bounded(wildcard(ps, "Client", Cloud)),
			bounded(wildcard(ps, "Topic", Cloud)),
			bounded(wildcard(ps, "Subscription", Cloud)),
			bounded(wildcard(ps, "Snapshot", Cloud)),
			bounded(wildcard(ps, "SchemaClient", Cloud)),
			consume(method(ps, "Subscription", "Receive", Cloud, 0)), // StreamingPull until ctx is done (subscription.go:1269)
			bounded(method("cloud.google.com/go/internal/pubsub", "PublishResult", "Get", Cloud, 0)),
		)

		// Spanner (spanner@v1.96.2): apiv1/spanner_client.go:83-258 gives
		// ExecuteSql, ExecuteBatchDml, BeginTransaction, Rollback and the
		// partition RPCs 30s, Commit 3600s, and ExecuteStreamingSql,
		// StreamingRead and BatchWrite nothing.
		const sp = "cloud.google.com/go/spanner"
		add("spanner",
			wildcard(sp, "Client", Cloud),                                       // ReadWriteTransaction, Apply (client.go:1336-1372, 1549-1568), BatchWrite, PartitionedUpdate (retries Aborted, pdml.go:77-94)
			wildcard(sp, "txReadOnly", Cloud),                                   // Read*, Query*: StreamingRead, ExecuteStreamingSql (transaction.go:216-738)
			bounded(method(sp, "Client", "BatchReadOnlyTransaction", Cloud, 0)), // BeginTransaction (client.go:1221)
			bounded(wildcard(sp, "ReadWriteTransaction", Cloud)),                // Update, BatchUpdate: ExecuteSql, ExecuteBatchDml (transaction.go:1444-1531)
			bounded(wildcard(sp, "ReadWriteStmtBasedTransaction", Cloud)),       // Commit, Rollback (transaction.go:2302-2338)
			bounded(wildcard(sp, "BatchReadOnlyTransaction", Cloud)),            // Partition*, Cleanup (batch.go:95-270)
			method(sp, "BatchReadOnlyTransaction", "Execute", Cloud, 0),         // streaming (batch.go:283)
			bounded(fn(sp, "NewReadWriteStmtBasedTransaction", Cloud, 0)),       // BeginTransaction (transaction.go:2209)
			bounded(fn(sp, "NewReadWriteStmtBasedTransactionWithOptions", Cloud, 0)),
		)

		// Bigtable (bigtable@v1.58.0): the data client calls the generated
		// gRPC stubs through gax.Invoke with no timeout and a retryer with no
		// attempt cap (bigtable.go:57-110, 238-355); the admin clients mix
		// raw stubs and gapic clients, not read call by call.
		const bt = "cloud.google.com/go/bigtable"
		add("bigtable",
			wildcard(bt, "Table", Cloud),
			wildcard(bt, "TableAPI", Cloud),
			wildcard(bt, "TableShim", Cloud),
			wildcard(bt, "Client", Cloud), // PingAndWarm, PrepareStatement
			wildcard(bt, "BoundStatement", Cloud),
			unknown(wildcard(bt, "AdminClient", Cloud)),
			unknown(wildcard(bt, "InstanceAdminClient", Cloud)),
		)

		// Cloud Storage (storage@v1.71.0): object and bucket operations take
		// the context first, and are retried until the context is done
		// without WithMaxAttempts (storage.go:2536-2542).
		const st = "cloud.google.com/go/storage"
		add("gcs",
			wildcard(st, "ObjectHandle", Cloud),
			wildcard(st, "BucketHandle", Cloud),
			wildcard(st, "Client", Cloud), // Buckets, CreateHMACKey, ListHMACKeys, ServiceAccount
			wildcard(st, "Copier", Cloud), // Run (copy.go:82)
			wildcard(st, "Composer", Cloud),
			wildcard(st, "HMACKeyHandle", Cloud),
			wildcard(st, "ACLHandle", Cloud),
		)
		return t
	}(),
	Addrs: []Addr{
		// Pub/Sub: the topic or subscription a call goes to.
		{Func: "(*cloud.google.com/go/pubsub.Client).Topic", Arg: 0, Topic: true},
		{Func: "(*cloud.google.com/go/pubsub.Client).TopicInProject", Arg: 0, Topic: true},
		{Func: "(*cloud.google.com/go/pubsub.Client).Subscription", Arg: 0, Topic: true},
		{Func: "(*cloud.google.com/go/pubsub.Client).SubscriptionInProject", Arg: 0, Topic: true},
		{Func: "(*cloud.google.com/go/pubsub.Client).CreateTopic", Arg: 1, Topic: true},
		{Func: "(*cloud.google.com/go/pubsub.Client).CreateTopicWithConfig", Arg: 1, Topic: true},
		{Func: "(*cloud.google.com/go/pubsub.Client).CreateSubscription", Arg: 1, Topic: true},
	},
}
