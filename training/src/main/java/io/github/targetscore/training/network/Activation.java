package io.github.targetscore.training.network;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Element-wise activation functions of the dense layers, with the derivative their backward
 * pass needs. Each works in place on caller-owned arrays: {@code z} the pre-activation,
 * {@code a} the activation, {@code aux} a scratch array the forward pass fills and the backward
 * pass reads.
 */
public enum Activation {

    /**
     * SiLU / swish: a = z σ(z), a' = σ(z)(1 + z(1 − σ(z))); aux holds σ(z). On float32 arrays
     * the forward pass is {@link SiluKernel}'s vectorised Java (σ within 1.7e−7), on others
     * ND4J's exact ops.
     */
    SILU {
        @Override
        void forward(INDArray z, INDArray a, INDArray aux) {
            if (SiluKernel.accepts(z, a, aux)) {
                SiluKernel.apply(z, a, aux);
            } else {
                Nd4j.exec(new Sigmoid(z, aux));
                Nd4j.exec(new MulOp(z, aux, a));
            }
        }

        /** Written as a' = σ + a(1 − σ): three passes over the arrays instead of five. */
        @Override
        void derivative(INDArray z, INDArray a, INDArray aux, INDArray out) {
            Nd4j.exec(new MulOp(a, aux, out));
            out.rsubi(a).addi(aux);
        }

        /** a'' = σ(1 − σ)(2 + z(1 − 2σ)). */
        @Override
        void secondDerivative(INDArray z, INDArray a, INDArray aux, INDArray out) {
            out.assign(aux).muli(-2).addi(1).muli(z).addi(2).muli(aux);
            out.muli(aux.rsub(1));
        }
    },

    /** tanh: a' = 1 − a²; aux unused. */
    TANH {
        @Override
        void forward(INDArray z, INDArray a, INDArray aux) {
            Nd4j.exec(new Tanh(z, a));
        }

        @Override
        void derivative(INDArray z, INDArray a, INDArray aux, INDArray out) {
            out.assign(a).muli(a).rsubi(1);
        }

        /** a'' = −2a(1 − a²). */
        @Override
        void secondDerivative(INDArray z, INDArray a, INDArray aux, INDArray out) {
            out.assign(a).muli(a).rsubi(1).muli(a).muli(-2);
        }
    },

    /** Rectified linear: a = max(z, 0), a' = 1{z > 0}; aux unused. */
    RELU {
        @Override
        void forward(INDArray z, INDArray a, INDArray aux) {
            a.assign(z);
            a.muli(z.gt(0).castTo(z.dataType()));
        }

        @Override
        void derivative(INDArray z, INDArray a, INDArray aux, INDArray out) {
            out.assign(z.gt(0).castTo(z.dataType()));
        }

        /** a'' = 0 (almost everywhere). */
        @Override
        void secondDerivative(INDArray z, INDArray a, INDArray aux, INDArray out) {
            out.assign(0);
        }
    };

    /** Writes a = φ(z) (and aux). */
    abstract void forward(INDArray z, INDArray a, INDArray aux);

    /** Writes φ'(z) given the arrays of the forward pass. */
    abstract void derivative(INDArray z, INDArray a, INDArray aux, INDArray out);

    /** Writes φ''(z) given the arrays of the forward pass. */
    abstract void secondDerivative(INDArray z, INDArray a, INDArray aux, INDArray out);

    /** The activation by its config name (silu, tanh, relu; case-insensitive). */
    public static Activation byName(String name) {
        for (Activation a : values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name
                + "', known: silu, tanh, relu");
    }
}
