// image/webp — a still WebP (lossy or lossless, with or without alpha)
// through libwebp, decoded into a buffer sized from its checked header.
#include <webp/decode.h>

#include "image/decoders.h"

namespace deckpdf::image {

bool decode_webp(std::string_view bytes, const Limits& limits, Picture& pic, std::string& problem) {
  auto data = reinterpret_cast<const uint8_t*>(bytes.data());
  WebPBitstreamFeatures features;
  if (WebPGetFeatures(data, bytes.size(), &features) != VP8_STATUS_OK) {
    problem = "is a broken WebP file (unreadable header)";
    return false;
  }
  if (features.has_animation) {
    problem = "is an animated WebP file, which deckpdf does not draw";
    return false;
  }
  if (features.width <= 0 || features.height <= 0) {
    problem = "is a WebP file without pixels";
    return false;
  }
  auto w = static_cast<uint32_t>(features.width), h = static_cast<uint32_t>(features.height);
  if (!size_allowed(w, h, limits, problem)) return false;
  int channels = features.has_alpha ? 4 : 3;
  std::string samples(size_t{w} * h * static_cast<size_t>(channels), '\0');
  auto out = reinterpret_cast<uint8_t*>(samples.data());
  int stride = static_cast<int>(w) * channels;
  uint8_t* ok = features.has_alpha
                    ? WebPDecodeRGBAInto(data, bytes.size(), out, samples.size(), stride)
                    : WebPDecodeRGBInto(data, bytes.size(), out, samples.size(), stride);
  if (!ok) {
    problem = "is a broken WebP file (its pixels could not be decoded)";
    return false;
  }
  pic.width = w;
  pic.height = h;
  if (channels == 4) {
    split_alpha(samples, 4, pic);
  } else {
    pic.channels = 3;
    pic.pixels = std::move(samples);
  }
  return true;
}

}  // namespace deckpdf::image
