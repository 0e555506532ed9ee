// Package deadline holds ctxdeadline's cases for the MongoDB driver (v1).
package deadline

import (
	"context"
	"os"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

type store struct{ orders *mongo.Collection }

func newStore() *store {
	// Connect does no I/O: a context with no deadline here is no hazard.
	c, err := mongo.Connect(context.Background(), options.Client().ApplyURI(os.Getenv("MONGO_URL")))
	if err != nil {
		panic(err)
	}
	return &store{orders: c.Database("shop").Collection("orders")}
}

// Hazard: an insert with a context that has no deadline.
func Hazard() {
	s := newStore()
	s.orders.InsertOne(context.Background(), bson.M{"id": 1}) // want `context.Background\(\) reaches \(\*mongo.Collection\).InsertOne with no deadline: the driver has no socket or operation timeout by default`
}

// Through a helper: the context of the caller reaches the cursor.
func load(ctx context.Context, s *store) []bson.M { // want load:"ctxdeadline\\(param0 → \\(\\*mongo.Collection\\).Find\\)"
	cur, err := s.orders.Find(ctx, bson.M{})
	if err != nil {
		return nil
	}
	var out []bson.M
	_ = cur.All(ctx, &out)
	return out
}

func Helper() {
	load(context.TODO(), newStore()) // want `context.TODO\(\) reaches deadline.load → \(\*mongo.Collection\).Find with no deadline`
}

// Safe: the same insert under context.WithTimeout.
func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	newStore().orders.InsertOne(ctx, bson.M{"id": 1})
	load(ctx, newStore())
}

// Safe: a client built with an operation timeout bounds every operation.
func ClientTimeout() {
	c, _ := mongo.Connect(context.Background(), options.Client().ApplyURI("mongodb://db:27017").SetTimeout(2*time.Second))
	c.Database("shop").Collection("orders").FindOne(context.Background(), bson.M{})
}

// Safe: the same, with the option set on its own line.
func ClientTimeoutSetLater() {
	opts := options.Client().ApplyURI("mongodb://db:27017")
	opts.SetSocketTimeout(2 * time.Second)
	c, _ := mongo.Connect(context.Background(), opts)
	c.Database("shop").Collection("orders").FindOne(context.Background(), bson.M{})
}

// Trap: a connect timeout and a server selection timeout look like
// bounds, but neither bounds an operation on a server that hangs.
func ConnectTimeoutOnly() {
	opts := options.Client().ApplyURI("mongodb://db:27017").SetConnectTimeout(time.Second).SetServerSelectionTimeout(time.Second)
	c, _ := mongo.Connect(context.Background(), opts)
	c.Database("shop").Collection("orders").FindOne(context.Background(), bson.M{}) // want `context.Background\(\) reaches \(\*mongo.Collection\).FindOne with no deadline`
}

// Silent: a change stream waits for events by design; so does its Next.
func Watch() {
	cs, err := newStore().orders.Watch(context.Background(), mongo.Pipeline{})
	if err != nil {
		return
	}
	for cs.Next(context.Background()) {
	}
}

// Silent: v1's two-step start; Connect starts the monitors and returns.
func TwoStep() {
	c, err := mongo.NewClient(options.Client().ApplyURI("mongodb://db:27017"))
	if err != nil {
		return
	}
	c.Connect(context.Background())
}
