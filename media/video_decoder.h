// One video decoder, software or hardware, behind one interface, so the clip player can swap a
// failing hardware decoder for a software one mid-clip (and tests can stand in a failing one).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "av_ptr.h"
#include "error.h"
#include "hardware_decode.h"

namespace etalase::media {

class MediaFile;

class VideoDecoder {
 public:
  virtual ~VideoDecoder() = default;
  // As avcodec_send_packet; nullptr starts draining.
  virtual int send(const AVPacket* packet) = 0;
  // As avcodec_receive_frame, but the picture is always in system memory (a hardware surface is
  // copied out); a failed copy is a negative error code like any decode error.
  virtual int receive(AVFrame* frame) = 0;
  virtual void flush() = 0;
  virtual bool hardware() const = 0;
  // e.g. "h264 (software)" or "h264_v4l2m2m (hardware)".
  virtual std::string description() const = 0;
};

using VideoDecoderPtr = std::unique_ptr<VideoDecoder>;

// Opens a hardware decoder for `mode`, or says why not. Tests substitute their own.
using HardwareDecoderFactory = std::function<Result<VideoDecoderPtr>(const MediaFile&, int stream, HardwareDecode)>;

Result<VideoDecoderPtr> openSoftwareVideoDecoder(const MediaFile& file, int stream, int threads);
Result<VideoDecoderPtr> openHardwareVideoDecoder(const MediaFile& file, int stream, HardwareDecode mode);

}  // namespace etalase::media
