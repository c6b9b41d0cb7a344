from ltx2_tools.bench.profiling import OpTime, summarize


def _op(name: str, cpu: float = 0.0, device: float = 0.0, on_device: bool = False, annotation: bool = False,
        total: float = 0.0) -> OpTime:
    return OpTime(name=name, calls=1, self_cpu_us=cpu, self_device_us=device, cpu_total_us=total,
                  on_device=on_device, annotation=annotation)


def test_shares_leave_out_annotations_and_split_gpu_from_cpu() -> None:
    ops = [_op("gemm", device=3000, on_device=True), _op("triton_fused", device=1000, on_device=True),
           _op("step: backward", device=9000, on_device=True, annotation=True),  # GPU span of a range
           _op("step: backward", cpu=50, total=2500, annotation=True),
           _op("step: forward", cpu=10, total=800.04, annotation=True),
           _op("aten::mm", cpu=600, device=3000), _op("cudaLaunchKernel", cpu=400)]
    s = summarize(ops, top=1)
    assert s["gpu_kernel_ms"] == 4.0 and s["cpu_op_ms"] == 1.0
    assert s["top_gpu"] == [{"name": "gemm", "calls": 1, "ms": 3.0, "share": 0.75}]
    assert s["top_cpu"] == [{"name": "aten::mm", "calls": 1, "ms": 0.6, "share": 0.6}]
    assert s["phases_cpu_ms"] == {"backward": 2.5, "forward": 0.8}


def test_no_gpu_gives_zero_shares() -> None:
    s = summarize([_op("aten::add", cpu=10)])
    assert s["gpu_kernel_ms"] == 0 and s["top_gpu"] == []
    assert s["top_cpu"][0]["share"] == 1.0
