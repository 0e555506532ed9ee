package sites // want package:`calls\[mongodb\(env:ORDERS_MONGO_URL timeout=1s\); mongodb\(host:mongo-users:27017 unbounded\); mongodb\(host:mongo-audit:27017 bounded\)\]`

// The package holds the call sites of the MongoDB driver that the join
// ties to a node: the address comes from the connection string the client
// options are built with, followed through the client, its database and
// collection.

import (
	"context"
	"os"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

func Orders() {
	c, _ := mongo.Connect(context.Background(), options.Client().ApplyURI(os.Getenv("ORDERS_MONGO_URL")))
	coll := c.Database("shop").Collection("orders")
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	coll.InsertOne(ctx, bson.M{"id": 1})
}

func Hosts() {
	opts := options.Client().SetHosts([]string{"mongo-users:27017"})
	c, _ := mongo.Connect(context.Background(), opts)
	c.Database("users").Collection("profiles").FindOne(context.Background(), bson.M{})
}

// The client's own operation timeout bounds a call whose context has none.
func Audit() {
	opts := options.Client().SetHosts([]string{"mongo-audit:27017"}).SetTimeout(2 * time.Second)
	c, _ := mongo.Connect(context.Background(), opts)
	c.Database("audit").Collection("events").InsertOne(context.Background(), bson.M{})
}
