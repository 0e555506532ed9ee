// Command pngpalette rewrites PNG screenshots with a palette of their 256
// most frequent colours, a third of their size or less: the screenshots in
// docs/ are flat colours and text. scripts/html-check.sh runs it.
//
//	go run ./scripts/pngpalette docs/report.png docs/report-*.png
package main

import (
	"bytes"
	"cmp"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"maps"
	"os"
	"slices"
)

func main() {
	for _, path := range os.Args[1:] {
		if err := shrink(path); err != nil {
			fmt.Fprintf(os.Stderr, "pngpalette: %s: %v\n", path, err)
			os.Exit(1)
		}
	}
}

func shrink(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return err
	}
	if _, ok := img.(*image.Paletted); ok {
		return nil // done already
	}
	counts := map[color.RGBA]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			counts[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)]++
		}
	}
	colors := slices.SortedFunc(maps.Keys(counts), func(a, b color.RGBA) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a.R, b.R), cmp.Compare(a.G, b.G), cmp.Compare(a.B, b.B), cmp.Compare(a.A, b.A))
	})
	pal := make(color.Palette, 0, 256)
	for _, c := range colors[:min(256, len(colors))] {
		pal = append(pal, c)
	}
	out := image.NewPaletted(b, pal)
	draw.Draw(out, b, img, b.Min, draw.Src) // each pixel to the nearest colour of the palette
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, out); err != nil {
		return err
	}
	if buf.Len() >= len(data) {
		return nil
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
