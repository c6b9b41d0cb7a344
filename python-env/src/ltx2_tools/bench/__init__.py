"""Full-size LTX-2 training-step benchmarks (issue 7): random weights, real shapes, any CUDA GPU."""
