// Package deadline holds ctxdeadline's cases for gorm: a finisher takes
// no context, and runs with the one the nearest WithContext on its chain
// set.
package deadline

import (
	"context"
	"os"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

type Order struct {
	ID    uint
	Total int
}

func open() *gorm.DB {
	db, err := gorm.Open(postgres.Open(os.Getenv("ORDERS_DSN")), &gorm.Config{})
	if err != nil {
		panic(err)
	}
	return db
}

// Hazard: a query whose chain sets a context with no deadline.
func Hazard() []Order {
	var out []Order
	open().WithContext(context.Background()).Where("total > ?", 10).Find(&out) // want `context.Background\(\) reaches \(\*gorm.DB\).Find with no deadline: a hung database or an exhausted connection pool blocks the call forever`
	return out
}

// Hazard: a transaction begun under a cancelable context that has no
// deadline (its commit, reached by the same context, is listed with it).
func Tx() error {
	ctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) reaches \(\*gorm.DB\).Begin with no deadline \(context.WithCancel adds none\)`
	defer cancel()
	tx := open().WithContext(ctx).Begin()
	return tx.Commit().Error
}

// Through a helper: the context of the caller reaches the update.
func save(ctx context.Context, db *gorm.DB, o *Order) error { // want save:"ctxdeadline\\(param0 → \\(\\*gorm.DB\\).Save\\)"
	return db.WithContext(ctx).Save(o).Error
}

func Helper() error {
	return save(context.TODO(), open(), &Order{ID: 1}) // want `context.TODO\(\) reaches deadline.save → \(\*gorm.DB\).Save with no deadline`
}

// Hazard: the generic API takes the context first.
func Generic() (Order, error) {
	return gorm.G[Order](open()).Where("id = ?", 1).First(context.Background()) // want `context.Background\(\) reaches \(gorm.ExecInterface\[T any\]\).First with no deadline`
}

// Safe: the same calls under context.WithTimeout.
func Safe() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	var out []Order
	if err := open().WithContext(ctx).Where("total > ?", 10).Find(&out).Error; err != nil {
		return err
	}
	if _, err := gorm.G[Order](open()).Where("id = ?", 1).First(ctx); err != nil {
		return err
	}
	return save(ctx, open(), &Order{ID: 2})
}

// Silent: no WithContext on the chain. gorm runs the query with
// context.Background(), bounded only by the driver's settings, as
// database/sql's context-less calls are; so is a *gorm.DB from a field.
type repo struct{ db *gorm.DB }

func (r *repo) NoContext() int64 { // want NoContext:`ctxdeadline\(no context → \(\*gorm.DB\).Scan\)`
	var n int64
	open().Model(&Order{}).Count(&n)
	r.db.Raw("SELECT count(*) FROM orders").Scan(&n)
	return n
}

// Trap: a statement timeout set through the session's settings is not a
// deadline of the call, and the pool's lifetimes bound no query.
func Trap() error {
	db := open()
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	sqlDB.SetConnMaxLifetime(time.Minute)
	return db.WithContext(context.Background()).Set("gorm:query_option", "SET statement_timeout = 1000").Exec("DELETE FROM orders WHERE total = 0").Error // want `context.Background\(\) reaches \(\*gorm.DB\).Exec with no deadline`
}
