// fuzz_image — the picture decoders (image/) on any bytes: PNG, JPEG, GIF
// and WebP (seeds: tests/image/pictures, altered by libFuzzer), the EXIF
// reader, data: URIs, and the downsampling of --image-dpi. A decoded picture must hold exactly the
// samples its size says; a refused one must say why.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "image/data_uri.h"
#include "image/exif.h"
#include "image/image.h"
#include "image/resample.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace deckpdf;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  image::Limits limits;
  limits.max_pixels = 4'000'000;  // within libFuzzer's memory limit
  image::Decoded d = image::decode(bytes, limits);
  if (d.picture == nullptr && d.problem.empty()) __builtin_trap();
  if (d.picture) {
    const image::Picture& p = *d.picture;
    size_t n = size_t{p.width} * p.height;
    if (n == 0 || n > limits.max_pixels) __builtin_trap();
    if (p.format == image::Format::Jpeg) {
      if (p.jpeg.size() != size || p.orientation < 1 || p.orientation > 8) __builtin_trap();
    } else {
      if (p.pixels.size() != n * static_cast<size_t>(p.channels)) __builtin_trap();
      if (!p.alpha.empty() && p.alpha.size() != n) __builtin_trap();
    }
    // --image-dpi's path: smaller, never bigger, and a JPEG stays one.
    auto small = image::downsample(d.picture, p.width / 3 + 1, p.height / 3 + 1);
    if (!small || small->width > p.width || small->height > p.height) __builtin_trap();
    if ((small->format == image::Format::Jpeg) != small->pixels.empty()) __builtin_trap();
  }
  int o = image::exif_orientation(bytes);
  if (o < 1 || o > 8) __builtin_trap();
  std::string problem;
  (void)image::data_uri_bytes(bytes, problem);
  return 0;
}
