/**
 * The network side of targetscore, on ND4J (CPU backend by default; a Maven profile selects CUDA
 * with the training issue): for now the conversion between flat double batches and float32
 * matrices, and the backend's thread settings. Score networks, TSM-family losses and the iDEM
 * loop arrive here.
 */
package io.github.targetscore.training;
