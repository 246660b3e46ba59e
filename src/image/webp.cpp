// image/webp — a WebP through libwebp: a still one (lossy or lossless, with
// or without alpha) decoded into a buffer sized from its checked header;
// an animated one's first frame, composed on its canvas by libwebpdemux
// once the canvas size (what WebPGetFeatures reports for it) is checked;
// the EXIF chunk's orientation.
#include <webp/decode.h>
#include <webp/demux.h>

#include <cstring>

#include "image/decoders.h"
#include "image/exif.h"

namespace deckpdf::image {

namespace {

bool first_frame(std::string_view bytes, uint32_t w, uint32_t h, Picture& pic,
                 std::string& problem) {
  WebPData data{reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()};
  WebPAnimDecoderOptions options;
  if (!WebPAnimDecoderOptionsInit(&options)) return false;
  options.color_mode = MODE_RGBA;
  options.use_threads = 0;
  WebPAnimDecoder* decoder = WebPAnimDecoderNew(&data, &options);
  WebPAnimInfo info;
  uint8_t* canvas = nullptr;
  int timestamp = 0;
  bool ok = decoder && WebPAnimDecoderGetInfo(decoder, &info) && info.canvas_width == w &&
            info.canvas_height == h && WebPAnimDecoderGetNext(decoder, &canvas, &timestamp) &&
            canvas;
  if (ok) {
    std::string rgba(size_t{w} * h * 4, '\0');
    std::memcpy(rgba.data(), canvas, rgba.size());
    pic.width = w;
    pic.height = h;
    split_alpha(rgba, 4, pic);
  } else {
    problem = "is a broken WebP file (its first frame could not be decoded)";
  }
  WebPAnimDecoderDelete(decoder);
  return ok;
}

// An extended WebP's EXIF chunk's orientation (1 without one).
int orientation(std::string_view bytes) {
  WebPData data{reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()};
  WebPDemuxer* demux = WebPDemux(&data);
  if (!demux) return 1;
  int o = 1;
  WebPChunkIterator chunk;
  if ((WebPDemuxGetI(demux, WEBP_FF_FORMAT_FLAGS) & EXIF_FLAG) &&
      WebPDemuxGetChunk(demux, "EXIF", 1, &chunk)) {
    o = tiff_orientation(
        std::string_view(reinterpret_cast<const char*>(chunk.chunk.bytes), chunk.chunk.size));
    WebPDemuxReleaseChunkIterator(&chunk);
  }
  WebPDemuxDelete(demux);
  return o;
}

}  // namespace

bool decode_webp(std::string_view bytes, const Limits& limits, Picture& pic, std::string& problem) {
  auto data = reinterpret_cast<const uint8_t*>(bytes.data());
  WebPBitstreamFeatures features;
  if (WebPGetFeatures(data, bytes.size(), &features) != VP8_STATUS_OK) {
    problem = "is a broken WebP file (unreadable header)";
    return false;
  }
  if (features.width <= 0 || features.height <= 0) {
    problem = "is a WebP file without pixels";
    return false;
  }
  auto w = static_cast<uint32_t>(features.width), h = static_cast<uint32_t>(features.height);
  if (!size_allowed(w, h, limits, problem)) return false;
  pic.orientation = orientation(bytes);
  if (features.has_animation) return first_frame(bytes, w, h, pic, problem);
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
