#include "inference/device.h"

#include <torch/torch.h>

#include <fstream>
#include <string>

namespace leopard {
namespace {

// /proc/cpuinfo flags tell whether the CPU has native bf16 dot products; libtorch 1.13 has no
// portable public query for it, and 2.x's differs, so read the flags directly (Linux only).
bool cpuFlagsHaveBf16()
{
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("flags", 0) == 0)
            return line.find(" avx512_bf16") != std::string::npos || line.find(" amx_bf16") != std::string::npos;
    }
    return false;
}

} // namespace

DeviceInfo probeDevices()
{
    DeviceInfo info;
    info.torchVersion = TORCH_VERSION;
    info.cudaAvailable = torch::cuda::is_available();
    info.cudaDeviceCount = info.cudaAvailable ? static_cast<int>(torch::cuda::device_count()) : 0;
    info.cpuHasNativeBf16 = cpuFlagsHaveBf16();
    info.defaultDevice = info.cudaAvailable ? "cuda" : "cpu";
    info.defaultDtype = (info.cudaAvailable || info.cpuHasNativeBf16) ? "bf16" : "fp32";
    return info;
}

} // namespace leopard
