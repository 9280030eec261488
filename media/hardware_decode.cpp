// Hardware decoder set-up and frame download.
#include "hardware_decode.h"

extern "C" {
#include <libavutil/hwcontext.h>
}

#include <fmt/format.h>

#include <mutex>
#include <set>

#include "media_file.h"

namespace etalase::media {

namespace {

struct BufferUnref {
  void operator()(AVBufferRef* b) const { av_buffer_unref(&b); }
};
using BufferPtr = std::unique_ptr<AVBufferRef, BufferUnref>;

// get_format callback: the hardware format when the codec offers it, else the first software one.
AVPixelFormat pickFormat(AVCodecContext* context, const AVPixelFormat* offered) {
  const auto wanted = static_cast<AVPixelFormat>(reinterpret_cast<intptr_t>(context->opaque));
  for (const AVPixelFormat* f = offered; *f != AV_PIX_FMT_NONE; ++f) {
    if (*f == wanted) return *f;
  }
  return offered[0];
}

Result<av::CodecContextPtr> openHwaccel(const MediaFile& file, int index, AVHWDeviceType type) {
  const AVStream* stream = file.format()->streams[index];
  const AVCodec* codec = avcodec_find_decoder(stream->codecpar->codec_id);
  const char* typeName = av_hwdevice_get_type_name(type);
  if (!codec) return Error{file.path(), "no decoder"};
  AVPixelFormat hardwareFormat = AV_PIX_FMT_NONE;
  for (int i = 0;; ++i) {
    const AVCodecHWConfig* config = avcodec_get_hw_config(codec, i);
    if (!config) break;
    if ((config->methods & AV_CODEC_HW_CONFIG_METHOD_HW_DEVICE_CTX) && config->device_type == type) {
      hardwareFormat = config->pix_fmt;
      break;
    }
  }
  if (hardwareFormat == AV_PIX_FMT_NONE) {
    return Error{file.path(), fmt::format("{} has no {} support in this libavcodec", codec->name, typeName)};
  }
  AVBufferRef* rawDevice = nullptr;
  if (int rc = av_hwdevice_ctx_create(&rawDevice, type, nullptr, nullptr, 0); rc < 0) {
    return Error{file.path(), fmt::format("no {} device: {}", typeName, av::errorText(rc))};
  }
  BufferPtr device(rawDevice);
  av::CodecContextPtr context(avcodec_alloc_context3(codec));
  if (!context) return Error{file.path(), "out of memory"};
  avcodec_parameters_to_context(context.get(), stream->codecpar);
  context->pkt_timebase = stream->time_base;
  context->hw_device_ctx = av_buffer_ref(device.get());
  context->opaque = reinterpret_cast<void*>(static_cast<intptr_t>(hardwareFormat));
  context->get_format = &pickFormat;
  if (int rc = avcodec_open2(context.get(), codec, nullptr); rc < 0) {
    return Error{file.path(), fmt::format("cannot open {} with {}: {}", codec->name, typeName, av::errorText(rc))};
  }
  return context;
}

Result<av::CodecContextPtr> openMem2mem(const MediaFile& file, int index) {
  const AVStream* stream = file.format()->streams[index];
  const std::string name = std::string(avcodec_get_name(stream->codecpar->codec_id)) + "_v4l2m2m";
  const AVCodec* codec = avcodec_find_decoder_by_name(name.c_str());
  if (!codec) return Error{file.path(), "no " + name + " decoder in this libavcodec"};
  av::CodecContextPtr context(avcodec_alloc_context3(codec));
  if (!context) return Error{file.path(), "out of memory"};
  avcodec_parameters_to_context(context.get(), stream->codecpar);
  context->pkt_timebase = stream->time_base;
  if (int rc = avcodec_open2(context.get(), codec, nullptr); rc < 0) {
    return Error{file.path(), fmt::format("cannot open {}: {}", name, av::errorText(rc))};
  }
  return context;
}

}  // namespace

Result<HardwareDecode> parseHardwareDecode(const std::string& text) {
  for (HardwareDecode mode : {HardwareDecode::Off, HardwareDecode::Auto, HardwareDecode::Vaapi, HardwareDecode::Drm,
                              HardwareDecode::V4l2m2m}) {
    if (text == hardwareDecodeName(mode)) return mode;
  }
  return Error{"--hwdec", "expected off, auto, vaapi, drm or v4l2m2m, got " + text};
}

const char* hardwareDecodeName(HardwareDecode mode) {
  switch (mode) {
    case HardwareDecode::Off: return "off";
    case HardwareDecode::Auto: return "auto";
    case HardwareDecode::Vaapi: return "vaapi";
    case HardwareDecode::Drm: return "drm";
    case HardwareDecode::V4l2m2m: return "v4l2m2m";
  }
  return "?";
}

Result<av::CodecContextPtr> openHardwareDecoder(const MediaFile& file, int index, HardwareDecode mode) {
  switch (mode) {
    case HardwareDecode::Off: return Error{file.path(), "hardware decoding is off"};
    case HardwareDecode::Vaapi: return openHwaccel(file, index, AV_HWDEVICE_TYPE_VAAPI);
    case HardwareDecode::Drm: return openHwaccel(file, index, AV_HWDEVICE_TYPE_DRM);
    case HardwareDecode::V4l2m2m: return openMem2mem(file, index);
    case HardwareDecode::Auto: break;
  }
  // Probing devices costs milliseconds at every clip start: a codec that found no hardware once
  // is decoded in software from then on.
  static std::mutex mutex;
  static std::set<int> softwareOnly;
  const int codec = file.format()->streams[index]->codecpar->codec_id;
  {
    std::lock_guard lock(mutex);
    if (softwareOnly.count(codec)) return Error{file.path(), "no hardware decoder for this codec (found before)"};
  }
  std::string reasons;
  for (HardwareDecode each : {HardwareDecode::V4l2m2m, HardwareDecode::Vaapi, HardwareDecode::Drm}) {
    auto opened = openHardwareDecoder(file, index, each);
    if (opened) return opened;
    reasons += (reasons.empty() ? "" : "; ") + opened.error().what;
  }
  std::lock_guard lock(mutex);
  softwareOnly.insert(codec);
  return Error{file.path(), reasons};
}

}  // namespace etalase::media
