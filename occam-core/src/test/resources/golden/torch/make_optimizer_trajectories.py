#!/usr/bin/python3
"""Golden optimizer trajectories from PyTorch for Occam's dev.occam.optim / dev.occam.nn tests.

Run with Debian's system Python (it has torch 1.13):
    /usr/bin/python3 make_optimizer_trajectories.py > optimizer_trajectories.txt

A 4-5-3 network (Linear, Tanh, Linear) with softmax cross-entropy on 12 fixed rows, batches of 4
in a fixed order for 3 epochs (9 steps). Each case starts from the same initial weights and
records the loss and every parameter after every step. Weights are written in Occam's layout
(inputs x outputs, row-major), i.e. PyTorch's Linear.weight transposed. Floats are float32
values printed with 9 significant digits, which round-trip exactly.

File format, one record per line, fields separated by single spaces:
    x <48 floats>                     features, 12 rows x 4, row-major
    y <12 ints>                       class labels
    order <36 ints>                   row order, 12 per epoch
    init <name> <floats>              initial parameter values
    schedule <name> <12 doubles>      learning rates of PyTorch schedulers at steps 0..11
    case <name> <description>
    loss <step> <double>              loss of the batch at this step (before the update)
    param <step> <name> <floats>      parameter after the update of this step (steps 1..9)
"""
import torch

torch.manual_seed(20240613)
torch.set_num_threads(1)

N, P, H, K = 12, 4, 5, 3
EPOCHS, BATCH = 3, 4

x = torch.randn(N, P)
y = torch.randint(0, K, (N,))
order = [torch.randperm(N) for _ in range(EPOCHS)]

init = torch.nn.Sequential(torch.nn.Linear(P, H), torch.nn.Tanh(), torch.nn.Linear(H, K))
init_state = {k: v.clone() for k, v in init.state_dict().items()}
NAMES = [("dense1.weight", "0.weight"), ("dense1.bias", "0.bias"),
         ("dense2.weight", "2.weight"), ("dense2.bias", "2.bias")]


def fmt(t):
    return " ".join("%.9g" % v for v in t.detach().reshape(-1).tolist())


def occam_layout(name, t):
    return t.t().contiguous() if name.endswith("weight") else t


def emit_params(prefix, model):
    sd = dict(model.named_parameters())
    for occam, torch_name in NAMES:
        print(prefix, occam, fmt(occam_layout(occam, sd[torch_name])))


print("x", fmt(x))
print("y", " ".join(str(int(v)) for v in y))
print("order", " ".join(str(int(v)) for o in order for v in o))
for occam, torch_name in NAMES:
    print("init", occam, fmt(occam_layout(occam, init_state[torch_name])))


def groups(model, wd, biases_decayed):
    """PyTorch parameter groups: weights decayed by wd, biases by wd or 0."""
    w = [p for n, p in model.named_parameters() if n.endswith("weight")]
    b = [p for n, p in model.named_parameters() if n.endswith("bias")]
    return [{"params": w, "weight_decay": wd}, {"params": b, "weight_decay": wd if biases_decayed else 0.0}]


def run(name, description, make_optimizer, make_scheduler=None, clip=None):
    model = torch.nn.Sequential(torch.nn.Linear(P, H), torch.nn.Tanh(), torch.nn.Linear(H, K))
    model.load_state_dict(init_state)
    opt = make_optimizer(model)
    sched = make_scheduler(opt) if make_scheduler else None
    loss_fn = torch.nn.CrossEntropyLoss()
    print("case", name, description)
    step = 0
    for e in range(EPOCHS):
        for b in range(N // BATCH):
            idx = order[e][b * BATCH:(b + 1) * BATCH]
            opt.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            if clip is not None:
                torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
            opt.step()
            if sched is not None:
                sched.step()
            step += 1
            print("loss", step, "%.17g" % loss.item())
            emit_params("param %d" % step, model)


run("sgd", "SGD lr=0.1 weight_decay=0.01 on all parameters",
    lambda m: torch.optim.SGD(groups(m, 0.01, True), lr=0.1))
run("momentum", "SGD lr=0.1 momentum=0.9 weight_decay=0.01 on weights only",
    lambda m: torch.optim.SGD(groups(m, 0.01, False), lr=0.1, momentum=0.9))
run("nesterov", "SGD lr=0.05 momentum=0.9 nesterov weight_decay=0.02 on weights only",
    lambda m: torch.optim.SGD(groups(m, 0.02, False), lr=0.05, momentum=0.9, nesterov=True))
run("adam", "Adam lr=0.01 weight_decay=0.01 (coupled L2) on all parameters",
    lambda m: torch.optim.Adam(groups(m, 0.01, True), lr=0.01))
run("adamw", "AdamW lr=0.01 weight_decay=0.1 on weights only",
    lambda m: torch.optim.AdamW(groups(m, 0.1, False), lr=0.01))
run("adamw_step_schedule", "AdamW lr=0.02 weight_decay=0.5 on weights only, StepLR(step_size=3, gamma=0.5) per step",
    lambda m: torch.optim.AdamW(groups(m, 0.5, False), lr=0.02),
    lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5))
run("momentum_cosine", "SGD lr=0.2 momentum=0.9 weight_decay=0.01 on all, CosineAnnealingLR(T_max=9) per step",
    lambda m: torch.optim.SGD(groups(m, 0.01, True), lr=0.2, momentum=0.9),
    lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=9))
run("sgd_clipped", "SGD lr=0.5 no decay, clip_grad_norm_(max_norm=0.3)",
    lambda m: torch.optim.SGD(m.parameters(), lr=0.5), clip=0.3)


def schedule_values(make):
    p = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([p], lr=0.1)
    s = make(opt)
    vals = []
    for _ in range(12):
        vals.append(opt.param_groups[0]["lr"])
        opt.step()
        s.step()
    return " ".join("%.17g" % v for v in vals)


print("schedule step_3_0.5", schedule_values(lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5)))
print("schedule exponential_0.8", schedule_values(lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=0.8)))
print("schedule cosine_10_0.01", schedule_values(lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=10, eta_min=0.01)))
print("schedule linear_warmup_4", schedule_values(lambda o: torch.optim.lr_scheduler.LinearLR(o, start_factor=0.25, total_iters=3)))
