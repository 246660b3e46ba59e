// image/decode — the entry point: the format told by its signature, the
// size checks every decoder shares, and the content hash.
#include <cstring>
#include <functional>

#include "image/decoders.h"

namespace deckpdf::image {

const char* format_name(Format f) {
  switch (f) {
    case Format::Png: return "png";
    case Format::Jpeg: return "jpeg";
    case Format::Gif: return "gif";
    case Format::Webp: return "webp";
  }
  return "png";
}

uint64_t content_hash(std::string_view bytes) {
  // FNV-1a over 8-byte words, then the length: std::hash may differ between
  // library versions, and output must not.
  uint64_t h = 0xcbf29ce484222325ull;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    h = (h ^ w) * 0x100000001b3ull;
    h ^= h >> 29;
  }
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 0x100000001b3ull;
  return (h ^ bytes.size()) * 0x9e3779b97f4a7c15ull;
}

bool size_allowed(uint64_t width, uint64_t height, const Limits& limits, std::string& problem) {
  if (width == 0 || height == 0) {
    problem = "has no pixels (" + std::to_string(width) + "x" + std::to_string(height) + ")";
    return false;
  }
  if (width > limits.max_side || height > limits.max_side || width * height > limits.max_pixels) {
    problem = "is " + std::to_string(width) + "x" + std::to_string(height) +
              " pixels, past the limit of " + std::to_string(limits.max_pixels) + " pixels";
    return false;
  }
  return true;
}

void split_alpha(const std::string& samples, int channels, Picture& pic) {
  int colour = channels - 1;
  size_t n = samples.size() / static_cast<size_t>(channels);
  pic.channels = colour;
  pic.pixels.resize(n * static_cast<size_t>(colour));
  pic.alpha.resize(n);
  bool opaque = true;
  const char* in = samples.data();
  char* out = pic.pixels.data();
  for (size_t i = 0; i < n; ++i) {
    for (int c = 0; c < colour; ++c) *out++ = *in++;
    char a = *in++;
    pic.alpha[i] = a;
    opaque = opaque && static_cast<unsigned char>(a) == 255;
  }
  if (opaque) pic.alpha.clear();
}

Decoded decode(std::string_view bytes, const Limits& limits) {
  Decoded d;
  if (bytes.size() > limits.max_bytes) {
    d.problem = "is larger than " + std::to_string(limits.max_bytes >> 20) + " MB";
    return d;
  }
  auto starts = [&](const char* sig, size_t n, size_t at = 0) {
    return bytes.size() >= at + n && std::memcmp(bytes.data() + at, sig, n) == 0;
  };
  auto pic = std::make_shared<Picture>();
  bool (*decoder)(std::string_view, const Limits&, Picture&, std::string&) = nullptr;
  if (starts("\x89PNG\r\n\x1a\n", 8)) {
    pic->format = Format::Png;
    decoder = decode_png;
  } else if (starts("\xFF\xD8\xFF", 3)) {
    pic->format = Format::Jpeg;
    decoder = decode_jpeg;
  } else if (starts("GIF87a", 6) || starts("GIF89a", 6)) {
    pic->format = Format::Gif;
    decoder = decode_gif;
  } else if (starts("RIFF", 4) && starts("WEBP", 4, 8)) {
    pic->format = Format::Webp;
    decoder = decode_webp;
  } else {
    d.problem = bytes.empty() ? "is empty" : "is not a PNG, JPEG, GIF or WebP file";
    return d;
  }
  if (!decoder(bytes, limits, *pic, d.problem)) {
    if (d.problem.empty())
      d.problem = std::string("is a broken ") + format_name(pic->format) + " file";
    return d;
  }
  pic->hash = content_hash(bytes);
  d.picture = std::move(pic);
  return d;
}

}  // namespace deckpdf::image
