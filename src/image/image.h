// image — pictures decoded by well-kept libraries (libpng, libjpeg, giflib,
// libwebp), never by libharu's file loaders: PNG, GIF and WebP become 8-bit
// pixels (grey or RGB) with an optional alpha plane; a JPEG is kept as its
// own DCT bytes, checked by decoding it at 1/8 scale, with its EXIF
// orientation and its colour space read. Pictures are untrusted: every
// size is checked against `Limits` before anything is allocated, and a
// decoder's error comes back as a sentence, never as an abort.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace deckpdf::image {

enum class Format { Png, Jpeg, Gif, Webp };

// "png", "jpeg", "gif", "webp".
const char* format_name(Format f);

struct Limits {
  uint64_t max_pixels = 50'000'000;  // width x height, per picture
  uint32_t max_side = 20'000;        // px
  uint64_t max_bytes = 64u << 20;    // the file
};

struct Picture {
  Format format = Format::Png;
  uint32_t width = 0, height = 0;  // as stored, px
  // Pixels: width x height samples of `channels` bytes, rows top down; 1
  // is grey, 3 is RGB, 4 is CMYK (JPEG only). A JPEG's pixels are not kept:
  // `jpeg` holds the file, drawn as it is (DCTDecode).
  int channels = 3;
  std::string pixels;
  std::string alpha;  // width x height bytes, or empty when opaque
  std::string jpeg;
  // An Adobe CMYK JPEG stores its inks inverted (Photoshop's habit): drawn
  // with /Decode [1 0 1 0 1 0 1 0].
  bool inverted = false;
  // EXIF orientation, 1-8 (1: as stored; 6: turned 90 degrees clockwise
  // to be shown, as a phone held upright writes it).
  int orientation = 1;
  // The file's bytes hashed, with their length: equal pictures, one object.
  uint64_t hash = 0;

  bool turned() const { return orientation >= 5; }
  uint32_t shown_width() const { return turned() ? height : width; }
  uint32_t shown_height() const { return turned() ? width : height; }
};

struct Decoded {
  std::shared_ptr<const Picture> picture;  // null when it could not be decoded
  std::string problem;                     // why not: "is truncated", ...
};

// Decodes a picture file's bytes, whatever its format (told by its
// signature, not its name).
Decoded decode(std::string_view bytes, const Limits& limits = {});

// A hash of `bytes` and their length, the same on every run.
uint64_t content_hash(std::string_view bytes);

}  // namespace deckpdf::image
