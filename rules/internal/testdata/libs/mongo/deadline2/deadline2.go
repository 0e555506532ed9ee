// Package deadline2 holds ctxdeadline's cases for the MongoDB driver v2.
package deadline2

import (
	"context"
	"os"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

func client() *mongo.Client {
	c, err := mongo.Connect(options.Client().ApplyURI(os.Getenv("MONGO_URL")))
	if err != nil {
		panic(err)
	}
	return c
}

func Hazard() {
	client().Database("shop").Collection("orders").DeleteMany(context.Background(), bson.M{}) // want `context.Background\(\) reaches \(\*mongo.Collection\).DeleteMany with no deadline`
}

func Ping() error {
	return client().Ping(context.Background(), nil) // want `context.Background\(\) reaches \(\*mongo.Client\).Ping with no deadline`
}

func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	client().Database("shop").Collection("orders").DeleteMany(ctx, bson.M{})
}

func ClientTimeout() {
	c, _ := mongo.Connect(options.Client().ApplyURI("mongodb://db").SetTimeout(time.Second))
	c.Database("shop").Collection("orders").CountDocuments(context.Background(), bson.M{})
}
