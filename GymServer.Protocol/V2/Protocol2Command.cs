namespace GymServer.Protocol.V2;

/// <summary>The commands of protocol 2. Every one gets exactly one reply: its result or an error.</summary>
public enum Protocol2Command
{
    /// <summary><c>{"server":{"protocol":2}}</c>: the handshake again. Replies <see cref="HandshakeResponse"/>.</summary>
    Server,

    /// <summary><c>{"make":{"id":"CartPole-v1"}}</c>. See <see cref="MakeRequest"/>, <see cref="MakeResponse"/>.</summary>
    Make,

    /// <summary><c>{"reset":{"instance":"..","seed":3}}</c>. See <see cref="ResetRequest"/>, <see cref="ResetResponse"/>.</summary>
    Reset,

    /// <summary><c>{"step":{"instance":"..","action":1}}</c>. See <see cref="StepRequest"/>, <see cref="StepResponse"/>.</summary>
    Step,

    /// <summary><c>{"close":{"instance":".."}}</c> or <c>{"close":{"all":true}}</c>. See <see cref="CloseRequest"/>.</summary>
    Close,

    /// <summary><c>{"sample":{"instance":".."}}</c>. See <see cref="SampleRequest"/>, <see cref="SampleResponse"/>.</summary>
    Sample,

    /// <summary><c>{"list_envs":{}}</c>. See <see cref="ListEnvsRequest"/>, <see cref="ListEnvsResponse"/>.</summary>
    ListEnvs,

    /// <summary><c>{"make_vec":{"id":"CartPole-v1","num_envs":4}}</c>. See <see cref="MakeVecRequest"/>, <see cref="MakeVecResponse"/>.</summary>
    MakeVec,

    /// <summary><c>{"reset_vec":{"instance":"..","seed":3}}</c>. See <see cref="ResetRequest"/>, <see cref="VecResetResponse"/>.</summary>
    ResetVec,

    /// <summary><c>{"step_vec":{"instance":"..","actions":[1,0]}}</c>. See <see cref="StepVecRequest"/>, <see cref="VecStepResponse"/>.</summary>
    StepVec,

    /// <summary><c>{"record":{"instance":"..","video":"cubic"}}</c>. See <see cref="RecordRequest"/>, <see cref="RecordResponse"/>.</summary>
    Record,
}
